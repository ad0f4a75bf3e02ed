import { z } from 'zod';
import { REPORT_VERSION } from './version';

/**
 * The report's view-model: every figure, table, sentence and chart series the stakeholder
 * report shows, as one serializable object. The screen preview, the CLI and the printed PDF all
 * render this object and compute nothing of their own, so the three can never disagree. Figures
 * carry their raw value (for tests and CSV) and the text the report prints, formatted once here
 * by the shared formatters.
 */

export { REPORT_VERSION };

export const PaperSizeSchema = z.enum(['A4', 'Letter']);
export type PaperSize = z.infer<typeof PaperSizeSchema>;

export const ReportOptionsSchema = z.strictObject({
  /** Saved scenarios to include, in order; none means the scenario measured from the runs. */
  scenarioIds: z.array(z.string().min(1).max(64)).max(6).default([]),
  includeAppendix: z.boolean().default(true),
  paperSize: PaperSizeSchema.default('A4'),
});
export type ReportOptions = z.output<typeof ReportOptionsSchema>;

const FigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  text: z.string(),
  note: z.string().default(''),
});
export type Figure = z.infer<typeof FigureSchema>;

const ModelRefSchema = z.object({ id: z.string(), name: z.string() });
const PointSchema = z.object({ x: z.number(), y: z.number() });
const LabelledTextSchema = z.object({ label: z.string(), text: z.string() });

export const PriceRowSchema = z.object({
  modelName: z.string(),
  role: z.string(),
  inputText: z.string(),
  outputText: z.string(),
  source: z.string(),
  asOf: z.string(),
  overridden: z.boolean(),
});
export type PriceRow = z.infer<typeof PriceRowSchema>;

export const ScenarioSectionSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  origin: z.enum(['saved', 'measured']),
  teacher: ModelRefSchema,
  student: ModelRefSchema,
  figures: z.array(FigureSchema),
  warnings: z.array(z.string()),
  pessimistic: z.string().nullable(),
  costVsVolume: z.object({
    teacher: z.array(PointSchema),
    student: z.array(PointSchema),
    currentVolume: z.number(),
    breakEven: PointSchema.nullable(),
    studentLineIncludes: z.string(),
    description: z.string(),
  }),
  cashFlow: z.object({
    points: z.array(PointSchema),
    horizonMonths: z.number(),
    paybackMonths: z.number().nullable(),
    description: z.string(),
  }),
  inputs: z.array(LabelledTextSchema),
  prices: z.array(PriceRowSchema),
});
export type ScenarioSection = z.infer<typeof ScenarioSectionSchema>;

export const QualityVsCostSchema = z.object({
  metricLabel: z.string(),
  points: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['teacher', 'student']),
      costPer1k: z.number(),
      quality: z.number(),
      low: z.number(),
      high: z.number(),
    }),
  ),
  bar: z.number(),
  description: z.string(),
});
export type QualityVsCost = z.infer<typeof QualityVsCostSchema>;

export const LatencyChartSchema = z.object({
  edges: z.array(z.number()),
  models: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['teacher', 'student']),
      counts: z.array(z.number().int()),
      n: z.number().int(),
      p50: z.number().nullable(),
      p95: z.number().nullable(),
    }),
  ),
  description: z.string(),
});
export type LatencyChart = z.infer<typeof LatencyChartSchema>;

const TableSchema = z.object({
  caption: z.string(),
  columns: z.array(z.string()),
  /** The first cell of each row is its label; the rest are figures. */
  rows: z.array(z.array(z.string())),
});
export type ReportTable = z.infer<typeof TableSchema>;

export const AppendixSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      position: z.number().int(),
      cells: z.array(z.object({ text: z.string(), omittedChars: z.number().int() })),
    }),
  ),
  shown: z.number().int(),
  total: z.number().int(),
  note: z.string(),
});
export type Appendix = z.infer<typeof AppendixSchema>;

export const ReportViewModelSchema = z.object({
  version: z.literal(REPORT_VERSION),
  meta: z.object({
    experimentId: z.string(),
    experimentName: z.string(),
    appVersion: z.string(),
    generatedAt: z.string(),
    generatedOn: z.string(),
    region: z.string(),
    datasetName: z.string(),
    paperSize: PaperSizeSchema,
    teacher: ModelRefSchema,
    students: z.array(ModelRefSchema),
  }),
  cover: z.object({
    question: z.string(),
    verdict: z.enum(['yes', 'no', 'unclear']),
    answer: z.string(),
    /** The verdict's reasons (decideMove), cost first, one sentence each. */
    reasons: z.array(z.string()),
    /** What would settle a "Not yet"; empty otherwise. */
    settle: z.array(z.string()),
    /** A note beside the answer, e.g. that another student ranks first; may be empty. */
    answerDetail: z.string(),
    basis: z.array(LabelledTextSchema),
  }),
  summary: z.object({
    recommendation: z.string(),
    figures: z.array(FigureSchema),
    sentences: z.array(z.string()),
    /** Every evidence source with its interval, method and tolerance, beside the verdict. */
    evidence: TableSchema.nullable(),
    ranking: TableSchema.nullable(),
    /** Why the ranking's first student wins, or why none does. */
    rankingNote: z.string().nullable(),
    scenarioComparison: TableSchema.nullable(),
  }),
  scenarios: z.array(ScenarioSectionSchema).min(1),
  measured: z.object({
    models: TableSchema,
    quality: TableSchema.nullable(),
    qualityNote: z.string(),
    qualityVsCost: QualityVsCostSchema.nullable(),
    latency: LatencyChartSchema,
  }),
  assumptions: z.object({
    experimentPrices: z.array(PriceRowSchema),
    notes: z.array(z.string()),
  }),
  method: z.object({
    sections: z.array(z.object({ title: z.string(), paragraphs: z.array(z.string()) })),
    limits: z.array(z.string()),
    /** The closing note: the measured coverage of the report's intervals. */
    coverage: TableSchema,
  }),
  appendix: AppendixSchema.nullable(),
});
export type ReportViewModel = z.infer<typeof ReportViewModelSchema>;
