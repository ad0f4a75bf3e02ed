/**
 * `distill-roi run --mode batch ...` and `run --resume ID` of a batch experiment: set the batch
 * up (new experiments), upload and create the jobs, make the on-demand models' calls meanwhile
 * (when only some models run as batch), then wait for the jobs and collect them. A resumed
 * batch whose jobs are all collected makes what is still missing on demand.
 */
import type { Database } from 'better-sqlite3';
import { hasOpenBatchJobs } from '../batch/batchCalls';
import { batchOverview } from '../batch/batchOverview';
import { getBatchSetup } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import type { RunArgs } from './cliArgs';
import type { BatchTarget } from './batchTarget';
import {
  batchProgress,
  cliBatchClients,
  formatJobs,
  setupCliBatch,
  spentLine,
  waitForBatch,
} from './cliBatch';
import { buildSummary, formatSummary } from './cliSummary';
import { resumeCommand, terminalColumns } from './resumeHint';
import type { CliIo } from './cliIo';

export async function runBatchExperiment(
  db: Database,
  args: RunArgs,
  /** Where and with which role a new batch goes (flags, else the saved settings); null: resumed. */
  target: BatchTarget | null,
  dataDir: string,
  io: CliIo,
  experimentId: string,
  onDemand: (experimentId: string, printSummary: boolean) => Promise<number>,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const experiment = getExperiment(db, experimentId);
  if (!experiment) throw new Error(`No experiment ${experimentId}.`);
  const config = experiment.config;
  const clients = cliBatchClients(args, config.region);
  try {
    say(`experiment ${experimentId}`);
    if (target && !getBatchSetup(db, experimentId)) {
      const refused = await setupCliBatch(db, clients, experimentId, target, say, args.argv);
      if (refused !== null) {
        io.stderr.write(`${refused}\n`);
        return 2;
      }
    }
    say(
      `resume with: ${resumeCommand(experimentId, dataDir, process.argv[1])} (or batch status|stop|collect --experiment ${experimentId})`,
    );
    const setup = getBatchSetup(db, experimentId);
    const models = [config.teacherModelId, ...config.studentModelIds];
    const onDemandModels = models.filter((m) => !setup?.modelIds.includes(m));
    if (!hasOpenBatchJobs(db, experimentId)) {
      // Every job is collected: what is still missing (records without a result) is made on demand.
      say('every batch job has been collected; making the missing calls on demand');
      return onDemand(experimentId, true);
    }
    // Upload and create first, so the jobs queue in AWS while on-demand models run.
    await waitForBatch(db, clients, experimentId, { wait: false, env: io.env, say, dataDir });
    if (onDemandModels.length > 0) {
      say(`on demand meanwhile: ${onDemandModels.join(', ')}`);
      await onDemand(experimentId, false);
    }
    const overview = await waitForBatch(db, clients, experimentId, {
      wait: args.wait,
      env: io.env,
      say,
      dataDir,
    });
    say(formatJobs(overview));
    const progress = batchProgress(db, experimentId);
    say(spentLine(progress));
    const summary = buildSummary(db, progress);
    io.stdout.write(
      `${args.json ? JSON.stringify({ ...summary, batch: batchOverview(db, experimentId) }, null, 2) : formatSummary(summary, terminalColumns(io.stdout))}\n`,
    );
    return overview.finished && progress.failed === 0 && progress.done === progress.total ? 0 : 1;
  } finally {
    clients.destroy();
  }
}
