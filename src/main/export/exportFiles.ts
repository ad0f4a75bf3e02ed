import type { Database } from 'better-sqlite3';
import { exportFileName } from '../../shared/export/fileNames';
import { runsCsv } from '../../shared/export/runsCsv';
import { scenariosCsv } from '../../shared/export/scenariosCsv';
import type { ReportOptions, ReportViewModel } from '../../shared/report';
import { buildReport } from '../../shared/report';
import { latestUsedJudgePrompt } from '../db/repos/judge';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { listRuns } from '../db/repos/runs';
import { listScoreRows } from '../db/repos/scores';
import { requireExperiment } from '../common/lookups';
import { exportBundle } from './bundleExport';
import type { PdfPrinter } from './pdfPrinter';
import { loadReportInput } from './reportData';

/**
 * Every export as a named file (bytes and a suggested name), for the handlers (which send it to
 * the renderer to save) and the CLI (which writes it to the path given): one way to make each.
 */

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const today = () => new Date().toISOString();

export async function reportPdfFile(
  db: Database,
  printer: PdfPrinter,
  experimentId: string,
  options: ReportOptions,
): Promise<ExportedFile & { vm: ReportViewModel }> {
  // The browser starts and loads the print page while the store is read and the model built.
  const session = printer.open();
  try {
    const vm = buildReport(loadReportInput(db, experimentId, options));
    return {
      fileName: exportFileName(vm.meta.experimentName, 'report', vm.meta.generatedAt),
      mimeType: 'application/pdf',
      bytes: await session.print(vm),
      vm,
    };
  } finally {
    await session.close();
  }
}

export function runsCsvFile(db: Database, experimentId: string): ExportedFile {
  const experiment = requireExperiment(db, experimentId);
  // The same ROUGE values the quality view and the report show: scored when the runs landed.
  const text = runsCsv({
    experiment,
    paragraphs: experimentParagraphs(db, experiment),
    runs: listRuns(db, experiment.id),
    scores: listScoreRows(db, experiment.id),
    judgePromptId: latestUsedJudgePrompt(db, experiment.id)?.id ?? null,
  });
  return {
    fileName: exportFileName(experiment.config.name, 'runs', today()),
    mimeType: 'text/csv;charset=utf-8',
    bytes: utf8(text),
  };
}

export function scenariosCsvFile(
  db: Database,
  experimentId: string,
  scenarioIds: readonly string[],
): ExportedFile {
  const input = loadReportInput(db, experimentId, {
    scenarioIds: [...scenarioIds],
    includeAppendix: false,
    paperSize: 'A4',
  });
  return {
    fileName: exportFileName(input.experiment.config.name, 'scenarios', today()),
    mimeType: 'text/csv;charset=utf-8',
    bytes: utf8(scenariosCsv(input.scenarios)),
  };
}

export function bundleFile(db: Database, experimentId: string): ExportedFile {
  const bundle = exportBundle(db, experimentId);
  return {
    fileName: exportFileName(
      bundle.payload.experiment.config.name,
      'bundle',
      bundle.payload.exportedAt,
    ),
    mimeType: 'application/json',
    bytes: utf8(JSON.stringify(bundle)),
  };
}
