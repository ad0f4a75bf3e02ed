/**
 * The ROI channels through dispatch, on a real SQLite file: saved scenarios (kept across a
 * restart, unique names, duplicate, delete), price overrides with their date and note, and the
 * evidence an experiment gives the calculator (tokens per model, failure shares per student).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tempDir';
import { seedExperimentWithRuns, SEED_STUDENT } from '../../../test/support/qualitySeed';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { applyOverrides } from '../../shared/pricing/applyOverrides';
import { findPrice } from '../../shared/pricing/findPrice';
import { PRICE_CATALOG } from '../../shared/pricing/priceCatalog';
import { CATALOG_ONLY, priceBookOf, resolvePrice } from '../../shared/pricing/priceBook';
import { prefillFromEvidence, startingScenario } from '../../shared/roi';
import { ScenarioSchema } from '../../shared/roi/scenario';
import { startCore, type AppCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../service/dispatch';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A core on a data folder that outlives it, so a test can stop and start the app. */
async function app(dir: string) {
  const core: AppCore = await startCore({
    dataDir: dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  let open = true;
  cleanups.push(async () => {
    if (open) await core.close();
  });
  const call = async <K extends Channel>(channel: K, input: ChannelInput<K>) =>
    (await dispatch(core.ctx, channel, input)) as Result<ChannelOutput<K>>;
  const value = async <K extends Channel>(channel: K, input: ChannelInput<K>) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const stop = async () => {
    open = false;
    await core.close();
  };
  return { dir, core, call, value, stop };
}

async function freshApp() {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return app(tmp.dir);
}

const base = startingScenario();

describe('saved scenarios', () => {
  it('saves, updates and finds a scenario after a restart, inputs unchanged', async () => {
    const a = await freshApp();
    const saved = await a.value('saveScenario', {
      name: 'Base case',
      experimentId: null,
      inputs: base,
    });
    expect(saved.inputs).toEqual(base);
    const changed = { ...base, volume: { ...base.volume, requestsPerMonth: 2_500_000 } };
    const updated = await a.value('saveScenario', {
      id: saved.id,
      name: 'Base case, 2.5M',
      experimentId: null,
      inputs: changed,
    });
    expect(updated.id).toBe(saved.id);
    expect(updated.createdAt).toBe(saved.createdAt);

    await a.stop();
    const b = await app(a.dir);
    const list = await b.value('listScenarios', {});
    expect(list.map((s) => s.name)).toEqual(['Base case, 2.5M']);
    expect(list[0]?.inputs).toEqual(ScenarioSchema.parse(changed));
  });

  it('keeps names unique, duplicates with a free name, deletes once', async () => {
    const a = await freshApp();
    const one = await a.value('saveScenario', { name: 'Pilot', experimentId: null, inputs: base });
    expect(
      await a.call('saveScenario', { name: ' pilot ', experimentId: null, inputs: base }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const copy = await a.value('duplicateScenario', { id: one.id });
    const copy2 = await a.value('duplicateScenario', { id: one.id });
    expect([copy.name, copy2.name]).toEqual(['Pilot (copy)', 'Pilot (copy 2)']);
    expect(copy.inputs).toEqual(one.inputs);
    const named = await a.value('duplicateScenario', { id: one.id, name: 'Aggressive pilot' });
    expect(named.name).toBe('Aggressive pilot');
    expect(await a.value('deleteScenario', { id: copy.id })).toEqual({ id: copy.id });
    expect(await a.call('deleteScenario', { id: copy.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await a.value('listScenarios', {})).map((s) => s.name).sort()).toEqual([
      'Aggressive pilot',
      'Pilot',
      'Pilot (copy 2)',
    ]);
  });

  it('refuses invalid inputs and an experiment that does not exist', async () => {
    const a = await freshApp();
    const bad = { ...base, volume: { ...base.volume, requestsPerMonth: -1 } };
    expect(
      await a.call('saveScenario', { name: 'Bad', experimentId: null, inputs: bad }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await a.call('saveScenario', { name: 'Orphan', experimentId: 'no-such', inputs: base }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await a.value('listScenarios', {})).toEqual([]);
  });
});

describe('price overrides', () => {
  it('stores overrides with date and note, in order, and the price book applies them', async () => {
    const a = await freshApp();
    const model = 'meta.llama3-8b-instruct-v1:0';
    const first = await a.value('savePriceOverride', {
      modelId: model,
      region: 'us-east-1',
      inputUsdPer1k: 0.00025,
      asOf: '2026-11-01',
      note: 'Enterprise discount quote',
    });
    await a.value('savePriceOverride', {
      modelId: model,
      region: 'us-east-1',
      provisionedUsdPerHourPerUnit: { oneMonth: 21.18 },
      asOf: '2026-11-02',
      note: 'Console, us-east-1',
    });
    await a.stop();
    const b = await app(a.dir);
    const stored = await b.value('listPriceOverrides', {});
    expect(stored.map((s) => s.override.note)).toEqual([
      'Enterprise discount quote',
      'Console, us-east-1',
    ]);
    expect(stored[0]).toMatchObject({ id: first.id, override: { asOf: '2026-11-01' } });

    const book = applyOverrides(
      PRICE_CATALOG,
      stored.map((s) => s.override),
    ).catalog;
    const found = findPrice(model, 'us-east-1', book);
    if (!found.found) throw new Error('no price');
    expect(found.entry.overridden).toBe(true);
    expect(found.entry.onDemand.inputUsdPer1k).toBe(0.00025);
    expect(found.entry.onDemand.outputUsdPer1k).toBe(0.0006);
    expect(found.entry.provisionedUsdPerHourPerUnit.oneMonth.value).toBe(21.18);
    expect(found.entry.override?.asOf).toBe('2026-11-02');

    await b.value('deletePriceOverride', { id: first.id });
    expect(await b.value('listPriceOverrides', {})).toHaveLength(1);
  });

  it("copies a scenario's own overrides to its duplicate, and no other scenario's", async () => {
    const a = await freshApp();
    const model = 'meta.llama3-8b-instruct-v1:0';
    const pilot = await a.value('saveScenario', {
      name: 'Pilot',
      experimentId: null,
      inputs: base,
    });
    const other = await a.value('saveScenario', {
      name: 'Other',
      experimentId: null,
      inputs: base,
    });
    const scoped = (scenarioId: string, inputUsdPer1k: number, note: string) =>
      a.value('savePriceOverride', {
        modelId: model,
        region: 'us-east-1',
        inputUsdPer1k,
        asOf: '2026-11-01',
        note,
        scenarioId,
      });
    await scoped(pilot.id, 0.00025, 'Pilot quote');
    await scoped(pilot.id, 0.0002, 'Pilot quote, revised');
    await scoped(other.id, 0.0001, 'Other quote');
    await a.value('savePriceOverride', {
      modelId: model,
      region: 'us-east-1',
      outputUsdPer1k: 0.0005,
      asOf: '2026-11-02',
      note: 'For everyone',
    });

    const copy = await a.value('duplicateScenario', { id: pilot.id, name: 'Pilot, copied' });
    // Kept across a restart: the copy's overrides are rows of its own, not a view of the original's.
    await a.stop();
    const b = await app(a.dir);
    const stored = await b.value('listPriceOverrides', {});
    const ofCopy = stored.filter((o) => o.scenarioId === copy.id);
    expect(ofCopy.map((o) => [o.override.note, o.override.inputUsdPer1k, o.override.asOf])).toEqual(
      [
        ['Pilot quote', 0.00025, '2026-11-01'],
        ['Pilot quote, revised', 0.0002, '2026-11-01'],
      ],
    );
    expect(stored.filter((o) => o.scenarioId === pilot.id)).toHaveLength(2);
    expect(stored.filter((o) => o.scenarioId === null)).toHaveLength(1);
    // Priced as the original: the revised scoped input over the global output.
    const book = priceBookOf(stored);
    for (const scenarioId of [pilot.id, copy.id]) {
      expect(resolvePrice(book, model, 'us-east-1', { scenarioId })).toMatchObject({
        inputUsdPer1k: 0.0002,
        outputUsdPer1k: 0.0005,
      });
    }
    // Deleting the original leaves the copy priced.
    await b.value('deleteScenario', { id: pilot.id });
    const after = priceBookOf(await b.value('listPriceOverrides', {}));
    expect(resolvePrice(after, model, 'us-east-1', { scenarioId: copy.id })).toMatchObject({
      inputUsdPer1k: 0.0002,
    });
  });

  it('refuses an override that could not apply, and one without a note', async () => {
    const a = await freshApp();
    const r = await a.call('savePriceOverride', {
      modelId: 'acme.unknown-v1:0',
      region: 'us-east-1',
      inputUsdPer1k: 0.001,
      asOf: '2026-11-01',
      note: 'Guess',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toMatch(/both input and output prices/);
    expect(
      await a.call('savePriceOverride', {
        modelId: 'meta.llama3-8b-instruct-v1:0',
        region: 'us-east-1',
        inputUsdPer1k: 0.001,
        asOf: '2026-11-01',
        note: '  ',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await a.value('listPriceOverrides', {})).toEqual([]);
  });
});

describe('ROI evidence', () => {
  it("gives each model's measured tokens and each student's failure shares", async () => {
    const a = await freshApp();
    const seeded = seedExperimentWithRuns(a.core.ctx.db, {
      paragraphs: 8,
      students: [SEED_STUDENT, 'amazon.nova-micro-v1:0'],
      output: (i, m, role) =>
        role === 'student' && m === SEED_STUDENT && i === 7
          ? null
          : `Revenue rose ${i + 2} percent to ${(i + 3) * 7} million dollars.`,
    });
    const evidence = await a.value('getRoiEvidence', { experimentId: seeded.experimentId });
    expect(
      evidence.models.map((m) => [m.modelId, m.role, m.calls, m.errors, m.inputTokens.length]),
    ).toEqual([
      ['meta.llama3-70b-instruct-v1:0', 'teacher', 8, 0, 8],
      [SEED_STUDENT, 'student', 8, 1, 7],
      ['amazon.nova-micro-v1:0', 'student', 8, 0, 8],
    ]);
    expect(evidence.quality).toHaveLength(2);
    const shares = evidence.quality[0]?.failureShares;
    expect(shares?.studentModelId).toBe(SEED_STUDENT);
    expect(shares?.result.kind).toBe('estimate');

    const book = CATALOG_ONLY;
    const prefill = prefillFromEvidence(base, evidence, SEED_STUDENT, book);
    const s = ScenarioSchema.parse(prefill.scenario);
    expect(s.teacher.outputTokensPerRequest).toBe(80);
    expect(s.student.outputTokensPerRequest).toBe(40);
    expect(s.student.price.inputUsdPer1k).toBe(0.0003);

    expect(await a.call('getRoiEvidence', { experimentId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
