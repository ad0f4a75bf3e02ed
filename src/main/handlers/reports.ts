import type { ReportOptions } from '../../shared/report';
import type { ExportFile } from '../../shared/ipc/reportChannels';
import { importBundle } from '../export/bundleImport';
import { chromiumPrinter } from '../export/chromiumPdf';
import {
  bundleFile,
  reportPdfFile,
  runsCsvFile,
  scenariosCsvFile,
  type ExportedFile,
} from '../export/exportFiles';
import { loadReport } from '../export/reportData';
import { listSavedScenarios } from '../export/scenarioStore';
import type { HandlerContext } from '../core/context';
import { requireExperiment } from '../common/lookups';

/** Reports and exports: the files go back to the renderer, which lets the user save them. */

type ByExperiment = { experimentId: string };
type ReportRequest = ReportOptions & ByExperiment;

const asText = (f: ExportedFile): ExportFile => ({
  fileName: f.fileName,
  mimeType: f.mimeType,
  encoding: 'utf8',
  // ignoreBOM keeps the CSV's byte-order mark (a plain decode strips it), which Excel needs.
  data: new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes),
});

const asBase64 = (f: ExportedFile): ExportFile => ({
  fileName: f.fileName,
  mimeType: f.mimeType,
  encoding: 'base64',
  data: Buffer.from(f.bytes).toString('base64'),
});

const optionsOf = ({ experimentId: _, ...options }: ReportRequest): ReportOptions => options;

export const reportHandlers = {
  listReportScenarios: (ctx: HandlerContext, input: ByExperiment) =>
    listSavedScenarios(ctx.db, requireExperiment(ctx.db, input.experimentId).id).map((s) => ({
      id: s.id,
      name: s.name,
      studentModelId: s.scenario.student.modelId,
      requestsPerMonth: s.scenario.volume.requestsPerMonth,
    })),

  getReport: (ctx: HandlerContext, input: ReportRequest) =>
    loadReport(ctx.db, input.experimentId, optionsOf(input)),

  exportReportPdf: async (ctx: HandlerContext, input: ReportRequest) =>
    asBase64(
      await reportPdfFile(ctx.db, ctx.pdf ?? chromiumPrinter, input.experimentId, optionsOf(input)),
    ),

  exportRunsCsv: (ctx: HandlerContext, input: ByExperiment) =>
    asText(runsCsvFile(ctx.db, input.experimentId)),

  exportScenariosCsv: (ctx: HandlerContext, input: ByExperiment & { scenarioIds: string[] }) =>
    asText(scenariosCsvFile(ctx.db, input.experimentId, input.scenarioIds)),

  exportBundle: (ctx: HandlerContext, input: ByExperiment) =>
    asText(bundleFile(ctx.db, input.experimentId)),

  importBundle: (ctx: HandlerContext, input: { text: string }) => {
    const summary = importBundle(ctx.db, input.text);
    ctx.emit({ type: 'datasetsChanged' });
    return summary;
  },
};
