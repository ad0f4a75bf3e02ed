import { describe, expect, it } from 'vitest';
import { formatBreakEven, formatPayback, formatUsd } from '../format';
import { computeRoi } from '../roi/computeRoi';
import { FIGURE_LABELS } from '../roi/figureLabels';
import { makeScenario } from '../roi/scenarioFixtures';
import { buildReport, withRankingNote } from './buildReport';
import { ReportViewModelSchema, type Figure } from './reportSchema';
import { S, T, testReportInput } from './testing/reportInput';

const byKey = (figures: Figure[], key: string) => figures.find((f) => f.key === key) as Figure;

describe('the report view-model', () => {
  it('is a valid, serializable view-model that parses to itself', () => {
    const vm = buildReport(testReportInput());
    const json = JSON.parse(JSON.stringify(vm)) as unknown;
    expect(ReportViewModelSchema.parse(json)).toEqual(json);
  });

  it('asks the question in one line and dates the report in UTC', () => {
    const vm = buildReport(testReportInput());
    expect(vm.cover.question).toBe('Move summarization from Llama 3 70B to Llama 3 8B?');
    expect(vm.meta.generatedOn).toBe('November 24, 2026');
    expect(vm.meta.teacher).toEqual({ id: T, name: 'Llama 3 70B Instruct' });
    expect(vm.cover.basis.find((b) => b.label === 'Region')?.text).toBe('us-east-1');
  });

  it('shows the figures computeRoi gives, formatted by the shared formatters', () => {
    const input = testReportInput();
    const vm = buildReport(input);
    const roi = computeRoi(input.scenarios[0]!.scenario);
    const summary = vm.summary.figures;
    expect(byKey(summary, 'monthlySaving')).toMatchObject({
      value: roi.firstMonth.costSavingUsd,
      text: formatUsd(roi.firstMonth.costSavingUsd),
    });
    // Money from quality is its own figure, with why it is what it is.
    expect(byKey(summary, 'qualityMoney')).toMatchObject({
      value: roi.qualityMoney.firstMonthUsd,
      text: formatUsd(roi.qualityMoney.firstMonthUsd),
    });
    expect(byKey(summary, 'qualityMoney').note).toMatch(
      /^month 1, kept apart from the cost saving; /,
    );
    expect(byKey(summary, 'payback').text).toBe(formatPayback(roi.payback));
    expect(byKey(summary, 'breakEven').text).toBe(formatBreakEven(roi.breakEven));
    expect(byKey(vm.scenarios[0]!.figures, 'npv').value).toBe(roi.npvUsd);
    expect(vm.scenarios[0]!.costVsVolume.teacher).toHaveLength(
      roi.charts.costVsVolume.points.length,
    );
  });

  it('names each figure as the ROI screen does, in the summary and the scenario section alike', () => {
    const input = testReportInput();
    const vm = buildReport(input);
    const horizon = input.scenarios[0]!.scenario.finance.horizonMonths;
    const section = vm.scenarios[0]!.figures;
    for (const figures of [vm.summary.figures, section]) {
      expect(byKey(figures, 'monthlySaving').label).toBe(FIGURE_LABELS.monthlySaving);
      expect(byKey(figures, 'qualityMoney').label).toBe(FIGURE_LABELS.qualityMoney);
      expect(byKey(figures, 'payback').label).toBe(FIGURE_LABELS.payback);
      expect(byKey(figures, 'breakEven').label).toBe(FIGURE_LABELS.breakEven);
      expect(byKey(figures, 'costRatio').label).toBe(FIGURE_LABELS.costRatio);
    }
    expect(byKey(section, 'npv').label).toBe(`Net present value over ${horizon} months`);
    expect(byKey(section, 'roi').label).toBe(`ROI over ${horizon} months`);
    expect(byKey(section, 'seedRatio').label).toBe('Saving % ÷ quality loss %');
  });

  it('states the quality gap with its paired interval, in percentage points', () => {
    const vm = buildReport(testReportInput());
    const gap = byKey(vm.summary.figures, 'qualityGap');
    // The student fails on every fifth paragraph (4 of 20), the teacher never.
    expect(gap.value).toBeCloseTo(0.2, 10);
    expect(gap.text).toMatch(/^\+20\.0 pts \[[−+]\d+\.\d, \+\d+\.\d\]$/);
    expect(byKey(vm.summary.figures, 'latencyRatio').text).toMatch(/×$/);
  });

  it('answers no when the student fails the bar too often, and not yet without quality', () => {
    expect(buildReport(testReportInput()).cover.verdict).toBe('no');
    const unscored = buildReport(testReportInput({ quality: false }));
    expect(unscored.cover.verdict).toBe('unclear');
    expect(unscored.cover.answer).toBe('Not yet: measure quality first');
    expect(unscored.measured.quality).toBeNull();
    expect(byKey(unscored.summary.figures, 'qualityGap').text).toBe('not measured');
  });

  it('says batch calls have no latency, and a batch-only verdict does not rest on latency', () => {
    const onDemand = buildReport(testReportInput());
    const input = testReportInput();
    const batch = {
      ...input,
      runs: input.runs.map((r) => ({
        ...r,
        via: 'batch' as const,
        e2eMs: null,
        serverMs: null,
        ttftMs: null,
        outputTokensPerS: null,
      })),
    };
    const vm = buildReport(batch);
    expect(vm.cover.verdict).toBe(onDemand.cover.verdict);
    expect(vm.cover.answer).toBe(onDemand.cover.answer);
    expect(vm.cover.reasons).toContain(
      'Latency: not measured. Both models ran only as batch jobs, which report no latency or time to first token, so the verdict does not rest on latency; run on demand to measure it.',
    );
    expect(onDemand.cover.reasons.join(' ')).not.toContain('Latency');
    expect(byKey(vm.summary.figures, 'latencyRatio')).toMatchObject({
      value: null,
      text: 'batch: no latency',
    });
    const method = vm.method.sections.find((m) => m.title === 'Latency and tokens')!.paragraphs;
    expect(method.at(-1)).toMatch(
      /^All [\d,]+ calls ran as Bedrock batch jobs\. A batch call has no latency or time to first token of its own, so latency figures come from on-demand calls only: this experiment has none/,
    );
  });

  it('ranks several students and compares several scenarios', () => {
    const input = testReportInput({ students: [S, 'meta.llama3-1-8b-instruct-v1:0'] });
    const second = {
      id: 's2',
      name: 'Distilled',
      origin: 'saved' as const,
      scenario: makeScenario(),
    };
    const vm = buildReport({ ...input, scenarios: [...input.scenarios, second] });
    expect(vm.summary.ranking?.rows).toHaveLength(2);
    expect(vm.summary.rankingNote).toBeTruthy();
    expect(vm.summary.scenarioComparison?.rows.map((r) => r[0])).toEqual([
      input.scenarios[0]!.name,
      'Distilled',
    ]);
    expect(vm.scenarios).toHaveLength(2);
    expect(vm.appendix?.columns).toHaveLength(5);
    expect(vm.appendix?.columns[1]).toBe('Reference summary');
    expect(vm.appendix?.rows[1]?.cells[1]?.text).toBe('Reference 1');
  });

  it('lists every price with its source and date, and marks overrides', () => {
    const vm = buildReport(testReportInput());
    expect(vm.assumptions.experimentPrices.map((p) => [p.source, p.asOf, p.overridden])).toEqual([
      ['third-party registry (genai-prices), 2026-11-24, not from AWS', '2026-11-24', false],
      ['typed for this experiment, 2026-11-24: typed in', '2026-11-24', true],
    ]);
    expect(vm.scenarios[0]!.prices[1]?.overridden).toBe(true);
    expect(vm.assumptions.notes.some((n) => n.includes('100,000 requests a month'))).toBe(true);
  });

  it('leaves the appendix out when asked, and cuts long paragraphs with a count', () => {
    const input = testReportInput({ paragraphs: 40 });
    expect(
      buildReport({ ...input, options: { ...input.options, includeAppendix: false } }).appendix,
    ).toBeNull();
    const appendix = buildReport(input).appendix!;
    expect(appendix).toMatchObject({ shown: 20, total: 40 });
    expect(appendix.rows[0]?.cells[0]?.omittedChars).toBeGreaterThan(0);
    expect(appendix.rows[0]?.cells[0]?.text.endsWith('…')).toBe(true);
  });

  it('is deterministic', () => {
    expect(buildReport(testReportInput())).toEqual(buildReport(testReportInput()));
  });
});

describe('the cover and the ranking agree', () => {
  it('names a better-ranked student on the cover', () => {
    const note = withRankingNote(
      'Llama 3 8B saves $1,291 a month.',
      'meta.llama3-8b-instruct-v1:0',
      {
        modelId: 'meta.llama3-1-8b-instruct-v1:0',
        displayName: 'Llama 3.1 8B Instruct',
      },
    );
    expect(note).toBe(
      'Llama 3 8B saves $1,291 a month. Of the students measured, Llama 3.1 8B Instruct saves more within the quality bar: see the ranking in the summary.',
    );
  });

  it('adds nothing when the scenario’s student is the winner, or there is none', () => {
    const id = 'meta.llama3-8b-instruct-v1:0';
    expect(withRankingNote('Detail.', id, { modelId: id, displayName: 'Llama 3 8B' })).toBe(
      'Detail.',
    );
    expect(withRankingNote('Detail.', id, null)).toBe('Detail.');
  });
});
