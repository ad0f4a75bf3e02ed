import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { ReportOptionsSchema, ReportViewModelSchema } from '../report/reportSchema';

/** Largest bundle the app imports: the browser host's request limit, with room for JSON. */
export const MAX_BUNDLE_CHARS = 40 * 1024 * 1024;

/** A file for the renderer to save: text as is, binary (the PDF) as base64. */
export const ExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

const byExperiment = z.strictObject({ experimentId: IdSchema });
const ReportRequestSchema = ReportOptionsSchema.extend({ experimentId: IdSchema });
export type ReportRequest = z.input<typeof ReportRequestSchema>;

export const ReportScenarioChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  studentModelId: z.string(),
  requestsPerMonth: z.number(),
});

export const ImportSummarySchema = z.object({
  experimentId: z.string(),
  datasetId: z.string(),
  experimentName: z.string(),
  datasetName: z.string(),
  paragraphs: z.number().int(),
  runs: z.number().int(),
  scores: z.number().int(),
  scenarios: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** The report and export channels: preview, PDF, CSV, bundles out and in. */
export const reportChannels = {
  listReportScenarios: { input: byExperiment, output: z.array(ReportScenarioChoiceSchema) },
  getReport: { input: ReportRequestSchema, output: ReportViewModelSchema },
  exportReportPdf: { input: ReportRequestSchema, output: ExportFileSchema },
  exportRunsCsv: { input: byExperiment, output: ExportFileSchema },
  exportScenariosCsv: {
    input: byExperiment.extend({ scenarioIds: z.array(IdSchema).max(6).default([]) }),
    output: ExportFileSchema,
  },
  exportBundle: { input: byExperiment, output: ExportFileSchema },
  importBundle: {
    input: z.strictObject({
      text: z.string().max(MAX_BUNDLE_CHARS, 'This file is too large to be a bundle.'),
    }),
    output: ImportSummarySchema,
  },
} as const;
