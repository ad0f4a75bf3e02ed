/**
 * A report input built in memory (no store): an experiment over the seed's two Llama models,
 * runs with set tokens and latencies, ROUGE scores that make the student fail the bar on some
 * paragraphs, and the scenario the runs measure. For the report layer's unit tests.
 */
import type { Paragraph } from '../../domain/dataset';
import { ExperimentConfigSchema, type Experiment } from '../../domain/experiment';
import type { RunRecord } from '../../domain/run';
import { buildQualityReport } from '../../quality/qualityReport';
import { defaultQualitySettings } from '../../quality/qualitySettings';
import type { QualityReport } from '../../quality/reportSchema';
import type { ScoreRow } from '../../quality/scoreTable';
import type { ReportInput } from '../buildReport';
import { measuredScenario, MEASURED_SCENARIO_NAME } from '../measuredScenario';
import { qualityGap } from '../qualityGap';

export const T = 'meta.llama3-70b-instruct-v1:0';
export const S = 'meta.llama3-8b-instruct-v1:0';
const AT = '2026-11-20T09:00:00.000Z';

export function testExperiment(students: string[] = [S]): Experiment {
  return {
    id: 'exp-1',
    status: 'completed',
    statusReason: null,
    createdAt: AT,
    updatedAt: AT,
    config: ExperimentConfigSchema.parse({
      name: 'Unit report',
      datasetId: 'ds-1',
      teacherModelId: T,
      studentModelIds: students,
      region: 'us-east-1',
      promptTemplate: 'Summarize: {{paragraph}}',
      systemPrompt: null,
      inference: { maxTokens: 200, temperature: 0, topP: 1 },
      repeats: 1,
      concurrency: 2,
      budgetUsd: null,
      prices: [T, ...students].map((modelId, k) => ({
        modelId,
        inputUsdPer1k: k === 0 ? 0.00265 : 0.0003,
        outputUsdPer1k: k === 0 ? 0.0035 : 0.0006,
        source: k === 0 ? 'catalog S15' : 'typed in',
        asOf: '2026-11-24',
        overridden: k !== 0,
      })),
    }),
  };
}

export function testParagraphs(n: number): Paragraph[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    datasetId: 'ds-1',
    position: i,
    text: `Paragraph ${i} about revenue, margins and a new competitor. `.repeat(i === 0 ? 20 : 1),
    reference: `Reference ${i}`,
    tags: [],
    createdAt: AT,
    updatedAt: AT,
  }));
}

export function testRuns(paragraphs: readonly Paragraph[], models: readonly string[]): RunRecord[] {
  return paragraphs.flatMap((p, i) =>
    models.map((modelId, m) => ({
      id: `r-${p.id}-${m}`,
      experimentId: 'exp-1',
      paragraphId: p.id,
      modelId,
      role: m === 0 ? ('teacher' as const) : ('student' as const),
      repeatIndex: 0,
      status: 'ok' as const,
      outputText: `Output of ${modelId} on ${p.id}`,
      stopReason: 'end_turn',
      inputTokens: 69,
      outputTokens: m === 0 ? 82 : 73,
      e2eMs: m === 0 ? 900 + i * 10 : 300 + i * 5,
      serverMs: 800,
      ttftMs: 200,
      outputTokensPerS: 50,
      costUsd: m === 0 ? 0.00046985 : 0.0000621,
      attempts: 1,
      errorClass: null,
      errorMessage: null,
      startedAt: AT,
      finishedAt: AT,
    })),
  );
}

/**
 * ROUGE-L against the reference: the teacher passes everywhere, the student fails every fifth.
 * `vsTeacher`: the student's ROUGE-L against the teacher's outputs only, as a dataset without
 * reference summaries gives (the teacher is the target, so it has no score of its own).
 */
export function testQuality(
  e: Experiment,
  paragraphs: readonly Paragraph[],
  runs: readonly RunRecord[],
  vsTeacher = false,
): QualityReport {
  const scored = vsTeacher ? runs.filter((r) => r.role !== 'teacher') : runs;
  const scores: ScoreRow[] = scored.map((r) => {
    const i = Number(r.paragraphId.slice(1));
    const value = r.role === 'teacher' ? 0.6 : i % 5 === 0 ? 0.1 : 0.5;
    return {
      paragraphId: r.paragraphId,
      modelId: r.modelId,
      runId: r.id,
      source: 'rouge',
      metric: vsTeacher ? 'rougeL@teacher' : 'rougeL@reference',
      value,
      createdBy: null,
      promptId: null,
    };
  });
  return buildQualityReport({
    experimentId: e.id,
    experimentName: e.config.name,
    teacherModelId: e.config.teacherModelId,
    studentModelIds: e.config.studentModelIds,
    paragraphs,
    scores,
    runs,
    judgeCalls: [],
    judgePrompt: null,
    settings: defaultQualitySettings(),
    rougeStemmed: true,
  });
}

/**
 * The report: ROUGE-L against the references favours the student on every paragraph,
 * while the analyst's blind ratings of the first five paragraphs favour the teacher (student
 * −1.00 on average, preferred on none).
 */
export function conflictingQuality(
  e: Experiment,
  paragraphs: readonly Paragraph[],
  runs: readonly RunRecord[],
): QualityReport {
  const studentRatings = [3, 2, 3, 3, 4];
  const row = (r: RunRecord, metric: string, value: number, source: ScoreRow['source']) => ({
    paragraphId: r.paragraphId,
    modelId: r.modelId,
    runId: r.id,
    source,
    metric,
    value,
    createdBy: source === 'human' ? 'analyst' : null,
    promptId: null,
  });
  const scores: ScoreRow[] = runs.flatMap((r) => {
    const i = Number(r.paragraphId.slice(1));
    const teacher = r.role === 'teacher';
    const rouge = row(r, 'rougeL@reference', teacher ? 0.4 : 0.41 + (i % 3) * 0.005, 'rouge');
    if (i >= studentRatings.length) return [rouge];
    const rating = row(r, 'human.rating', teacher ? 4 : (studentRatings[i] as number), 'human');
    // The preference is stored once per paragraph, on the student (0 = teacher preferred).
    return teacher ? [rouge, rating] : [rouge, rating, row(r, 'human.preference', 0, 'human')];
  });
  return buildQualityReport({
    experimentId: e.id,
    experimentName: e.config.name,
    teacherModelId: e.config.teacherModelId,
    studentModelIds: e.config.studentModelIds,
    paragraphs,
    scores,
    runs,
    judgeCalls: [],
    judgePrompt: null,
    settings: defaultQualitySettings(),
    rougeStemmed: true,
  });
}

export function testReportInput(
  o: {
    paragraphs?: number;
    students?: string[];
    quality?: boolean | 'conflicting' | 'vsTeacherOnly';
  } = {},
): ReportInput {
  const e = testExperiment(o.students);
  const paragraphs = testParagraphs(o.paragraphs ?? 20);
  const runs = testRuns(paragraphs, [T, ...e.config.studentModelIds]);
  const quality =
    o.quality === false
      ? null
      : o.quality === 'conflicting'
        ? conflictingQuality(e, paragraphs, runs)
        : testQuality(e, paragraphs, runs, o.quality === 'vsTeacherOnly');
  const student = e.config.studentModelIds[0] as string;
  const scenario = measuredScenario(e.config, student, runs, qualityGap(quality, student));
  return {
    experiment: e,
    datasetName: 'Unit paragraphs',
    paragraphs,
    runs,
    quality,
    scenarios: [{ id: null, name: MEASURED_SCENARIO_NAME, origin: 'measured', scenario }],
    options: { scenarioIds: [], includeAppendix: true, paperSize: 'A4' },
    appVersion: '9.9.9',
    generatedAt: '2026-11-24T12:00:00.000Z',
  };
}
