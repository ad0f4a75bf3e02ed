/**
 * `report`, `export` and `import`: the same files the app's Report screen makes, written where
 * the command line says. The PDF is printed by the system's Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium) from the built print page.
 */
import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { formatNumber } from '../../shared/format';
import { importBundle } from '../export/bundleImport';
import { chromiumPrinter } from '../export/chromiumPdf';
import { bundleFile, reportPdfFile, runsCsvFile, scenariosCsvFile } from '../export/exportFiles';
import { loadReport } from '../export/reportData';
import { listSavedScenarios } from '../export/scenarioStore';
import { openDatabase } from '../db/open';
import { listExperiments } from '../db/repos/experiments';
import { AppFailure } from '../common/failure';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { UsageError } from './cliArgs';
import { verdictLines } from './cliVerdict';
import { EXPORT_USAGE, parseExportArgs, type ExportArgs, type ExportCommand } from './exportArgs';
import { csvTargets, RefusedError, writeAll } from './outputFiles';
import type { CliIo } from './cliIo';

type Command = ExportCommand;

function experimentOf(db: Database, args: ExportArgs): string {
  if (args.experimentId) return args.experimentId;
  const all = listExperiments(db);
  if (all.length === 1) return (all[0] as (typeof all)[number]).id;
  const list = all.map((e) => `  ${e.id}  ${e.config.name}`).join('\n');
  throw new UsageError(
    all.length === 0
      ? 'This data folder has no experiment.'
      : `Choose one with --experiment ID:\n${list}`,
  );
}

/** The scenarios asked for, else every saved one (at most six), else none (the measured one). */
function scenariosOf(db: Database, experimentId: string, args: ExportArgs): string[] {
  if (args.scenarioIds.length > 0) return args.scenarioIds;
  return listSavedScenarios(db, experimentId)
    .slice(0, 6)
    .map((s) => s.id);
}

async function execute(command: Command, db: Database, args: ExportArgs, io: CliIo): Promise<void> {
  const say = (line: string) => io.stdout.write(`${line}\n`);
  if (command === 'import') {
    const s = importBundle(db, readFileSync(args.file as string, 'utf8'));
    say(
      `imported "${s.experimentName}" as experiment ${s.experimentId} (dataset "${s.datasetName}")`,
    );
    say(
      `${formatNumber(s.paragraphs)} paragraphs, ${formatNumber(s.runs)} calls, ${formatNumber(s.scores)} scores, ${formatNumber(s.scenarios)} scenarios`,
    );
    return;
  }
  const id = experimentOf(db, args);
  const scenarioIds = scenariosOf(db, id, args);
  if (command === 'report') {
    const options = {
      scenarioIds,
      includeAppendix: args.includeAppendix,
      paperSize: args.paperSize,
    };
    const file = await reportPdfFile(db, chromiumPrinter, id, options);
    writeAll([{ path: args.pdf as string, bytes: file.bytes }], args.force);
    say(`wrote ${args.pdf} (${formatNumber(file.bytes.length)} bytes)`);
    // The PDF's cover, in the terminal: the same verdict from the same view-model.
    verdictLines(file.vm.cover).forEach(say);
  } else if (command === 'verdict') {
    const { cover } = loadReport(db, id, { scenarioIds, includeAppendix: false, paperSize: 'A4' });
    if (args.json) {
      const { verdict, answer, reasons, settle } = cover;
      say(JSON.stringify({ verdict, answer, reasons, settle }, null, 2));
    } else verdictLines(cover).forEach(say);
  } else if (args.csv !== undefined) {
    const target = csvTargets(args.csv);
    const runs = runsCsvFile(db, id);
    const scenarios = scenariosCsvFile(db, id, scenarioIds);
    writeAll(
      [
        { path: target.runs, bytes: runs.bytes },
        { path: target.scenarios, bytes: scenarios.bytes },
      ],
      args.force,
    );
    say(`wrote ${target.runs} and ${target.scenarios}`);
  } else {
    const file = bundleFile(db, id);
    writeAll([{ path: args.bundle as string, bytes: file.bytes }], args.force);
    say(`wrote ${args.bundle} (${formatNumber(file.bytes.length)} bytes)`);
  }
}

export async function exportCommand(command: Command, argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  let args: ExportArgs;
  try {
    args = parseExportArgs(command, argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    await execute(command, db, args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof AppFailure || e instanceof RefusedError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'EISDIR')) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    db.close();
  }
}
