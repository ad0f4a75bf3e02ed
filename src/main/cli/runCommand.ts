/**
 * `distill-roi run`: set up (or find) the experiment, run it with the same runner the app uses,
 * show progress, print the summary. Ctrl-C once pauses (calls in flight finish and are stored),
 * twice stops at once; either way the printed experiment id resumes it later.
 */
import type { Database } from 'better-sqlite3';
import type { RunProgress } from '../../shared/domain/run';
import { DERIVED_HANG_LIMITS } from '../../shared/domain/settings';
import { openDatabase } from '../db/open';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { ExperimentRunner } from '../runner/experimentRunner';
import { LeaseBusyError, LeaseKeeper } from '../runner/leaseKeeper';
import { parseRunArgs, UsageError, USAGE, type RunArgs } from './cliArgs';
import { CLI_RUNNER_TUNING, cliClients } from './cliBedrock';
import { prepareExperiment } from './cliExperiment';
import { getBatchSetup } from '../db/repos/batchJobs';
import { batchTarget, type BatchTarget } from './batchTarget';
import { buildSummary, formatSummary } from './cliSummary';
import { resumeCommand, terminalColumns } from './resumeHint';
import { ProgressPrinter } from './progressPrinter';
import { tuneForScoring } from '../common/smallHeap';
import type { CliIo } from './cliIo';

/** Ctrl-C pauses, a second Ctrl-C (or SIGTERM) aborts what is in flight; returns the unhook. */
function onSignals(runner: ExperimentRunner, id: string, printer: ProgressPrinter): () => void {
  let interrupts = 0;
  const stopNow = () => {
    printer.say('stopping: calls in flight are abandoned and will be made again on resume');
    void runner.closeAll('stopped from the command line; resume to make the missing calls');
  };
  const onInt = () => {
    interrupts++;
    if (interrupts > 1 || !runner.progress(id)) return stopNow();
    const p = runner.pause(id);
    printer.say(
      `pausing: ${p.inFlight} calls in flight will finish and be stored (Ctrl-C again to stop now)`,
    );
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', stopNow);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', stopNow);
  };
}

async function runExperiment(
  db: Database,
  args: RunArgs,
  dataDir: string,
  io: CliIo,
): Promise<number> {
  let experimentId: string;
  let target: BatchTarget | null = null;
  const say = (line: string) => io.stderr.write(`${line}\n`);
  try {
    // The flags left out come from the saved settings, checked before an experiment is created;
    // a resumed experiment already set up for batch keeps its own location and role.
    if (args.batch && !(args.resume !== undefined && getBatchSetup(db, args.resume))) {
      target = batchTarget(db, args.batch, say);
    }
    experimentId = prepareExperiment(db, args, say);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (target || getBatchSetup(db, experimentId)) {
    // Loaded only for batch: S3, the control plane and multipart upload cost an on-demand run
    // a few hundred milliseconds and tens of MB before its first request.
    // Batch scores thousands of results in long hot loops, which want TurboFan back.
    tuneForScoring();
    const { runBatchExperiment } = await import('./batchRun');
    return runBatchExperiment(db, args, target, dataDir, io, experimentId, (id, summary) =>
      runOnDemand(db, args, dataDir, io, id, summary),
    );
  }
  return runOnDemand(db, args, dataDir, io, experimentId);
}

/** Runs a stored experiment on demand to its end and prints its summary (also `distill evaluate`). */
export async function runOnDemand(
  db: Database,
  args: Pick<RunArgs, 'endpoint' | 'profile' | 'json'> & Partial<Pick<RunArgs, 'hang'>>,
  dataDir: string,
  io: CliIo,
  experimentId: string,
  /** False while batch jobs of the same experiment are still to come: they print the summary. */
  printSummary = true,
): Promise<number> {
  // DISTILL_ROI_PROGRESS_EVERY_MS: how often a plain (non-terminal) progress line is printed;
  // 0 prints every update, so a log (or the crash test) sees each committed count.
  const every = io.env.DISTILL_ROI_PROGRESS_EVERY_MS;
  const printer = new ProgressPrinter(
    io.stderr,
    every !== undefined && Number(every) >= 0 ? Number(every) : undefined,
  );
  printer.say(`experiment ${experimentId}`);
  printer.say(`resume with: ${resumeCommand(experimentId, dataDir, process.argv[1])}`);
  // --stall-first-event and --stall-idle (`distill evaluate` has neither: derived limits).
  const hang = args.hang ?? DERIVED_HANG_LIMITS;
  const clients = cliClients({ ...args, hang });
  const runner = new ExperimentRunner({
    db,
    clientFor: clients.clientFor,
    emit: (p) => printer.update(p),
    leases: new LeaseKeeper(db, { label: 'command line' }),
    tuning: CLI_RUNNER_TUNING,
    hangSettings: () => hang,
  });
  const unhook = onSignals(runner, experimentId, printer);
  let final: RunProgress;
  try {
    let first: RunProgress;
    try {
      first = runner.start(experimentId);
    } catch (e) {
      if (!(e instanceof LeaseBusyError)) throw e;
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    // A run with nothing left to call has already ended inside start().
    final = runner.progress(experimentId) ? await runner.settled(experimentId) : first;
  } finally {
    unhook();
    clients.destroy();
    printer.finish();
  }
  const summary = buildSummary(db, final);
  if (printSummary) {
    io.stdout.write(
      `${args.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, terminalColumns(io.stdout))}\n`,
    );
  }
  return final.status === 'completed' && final.failed === 0 ? 0 : 1;
}

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: RunArgs;
  try {
    args = parseRunArgs(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    return await runExperiment(db, args, dataDir, io);
  } finally {
    db.close();
  }
}
