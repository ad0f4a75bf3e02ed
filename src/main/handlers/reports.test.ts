/**
 * The report and export channels through the dispatcher, as the renderer calls them: inputs
 * checked, outputs matching the contract, user errors as messages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedReportExperiment, type ReportFixture } from '../../../test/support/reportFixture';
import { makeTestCore } from '../../../test/support/testCore';
import type { AppEvent } from '../../shared/ipc/events';

let t: Awaited<ReturnType<typeof makeTestCore>>;
let fixture: ReportFixture;

beforeEach(async () => {
  t = await makeTestCore();
  fixture = seedReportExperiment(t.core.ctx.db, { paragraphs: 8 });
});
afterEach(() => t.cleanup());

describe('report channels', () => {
  it('lists the saved scenarios and builds the view-model with the chosen ones', async () => {
    const scenarios = await t.value('listReportScenarios', { experimentId: fixture.experimentId });
    expect(scenarios.map((s) => s.id)).toEqual(fixture.scenarioIds);
    const vm = await t.value('getReport', {
      experimentId: fixture.experimentId,
      scenarioIds: [fixture.scenarioIds[1]!],
    });
    expect(vm.scenarios.map((s) => s.id)).toEqual([fixture.scenarioIds[1]]);
    expect(vm.meta.paperSize).toBe('A4');
    expect(vm.appendix?.total).toBe(8);
  });

  it('uses the measured scenario when none is chosen', async () => {
    const vm = await t.value('getReport', {
      experimentId: fixture.experimentId,
      includeAppendix: false,
    });
    expect(vm.scenarios[0]).toMatchObject({ id: null, origin: 'measured' });
    expect(vm.appendix).toBeNull();
  });

  it('says what is wrong instead of failing', async () => {
    const missing = await t.call('getReport', {
      experimentId: fixture.experimentId,
      scenarioIds: ['nope'],
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknown = await t.call('getReport', { experimentId: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const badPaper = await t.callRaw('getReport', {
      experimentId: fixture.experimentId,
      paperSize: 'A3',
    });
    expect(badPaper).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('exports CSV files and a bundle as text, and imports the bundle as a new experiment', async () => {
    const runs = await t.value('exportRunsCsv', { experimentId: fixture.experimentId });
    expect(runs).toMatchObject({ encoding: 'utf8', mimeType: 'text/csv;charset=utf-8' });
    expect(runs.fileName).toMatch(/^quarterly-summaries-70b-vs-8b-runs-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(runs.data.startsWith('\uFEFF"experiment_id"') || runs.data.startsWith('\uFEFF')).toBe(
      true,
    );
    expect(runs.data.split('\r\n').length).toBe(1 + 16 + 1);
    const scenarios = await t.value('exportScenariosCsv', {
      experimentId: fixture.experimentId,
      scenarioIds: fixture.scenarioIds,
    });
    expect(scenarios.data).toContain('Provisioned 8B');

    const bundle = await t.value('exportBundle', { experimentId: fixture.experimentId });
    const events: AppEvent[] = [];
    const off = t.core.onEvent((e) => events.push(e));
    const imported = await t.value('importBundle', { text: bundle.data });
    off();
    expect(imported).toMatchObject({
      paragraphs: 8,
      runs: 16,
      scenarios: 2,
      datasetName: 'Quarterly summaries (imported)',
    });
    expect(events).toContainEqual({ type: 'datasetsChanged' });
    const list = await t.value('listExperiments', {});
    expect(list).toHaveLength(2);
  });

  it('refuses a bundle that is not one, with a message', async () => {
    const r = await t.call('importBundle', { text: '{"format":"something else"}' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'import_rejected',
        message: 'This file is not a Distill ROI experiment bundle.',
      },
    });
  });

  it('prints the PDF through the printer the context has', async () => {
    let printed = 0;
    let closed = 0;
    t.core.ctx.pdf = {
      open: () => ({
        print: async (vm) => {
          printed += 1;
          return new TextEncoder().encode(`%PDF-fake ${vm.cover.question}`);
        },
        close: async () => {
          closed += 1;
        },
      }),
    };
    const file = await t.value('exportReportPdf', {
      experimentId: fixture.experimentId,
      paperSize: 'Letter',
    });
    expect(printed).toBe(1);
    expect(closed).toBe(1);
    expect(file).toMatchObject({ encoding: 'base64', mimeType: 'application/pdf' });
    expect(Buffer.from(file.data, 'base64').toString()).toBe(
      '%PDF-fake Move summarization from Llama 3 70B to Llama 3 8B?',
    );
  });
});
