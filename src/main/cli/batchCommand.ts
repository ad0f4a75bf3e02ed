/**
 * `distill-roi batch status|stop|collect --experiment ID`: look at, stop, or wait for and
 * collect an experiment's batch jobs, from any process, at any time after `run --mode batch`.
 */
import { parseArgs } from 'node:util';
import { batchOverview } from '../batch/batchOverview';
import { refreshBatchStatus, stopBatch } from '../batch/batchPipeline';
import { getBatchSetup } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import { openDatabase } from '../db/open';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { buildSummary, formatSummary } from './cliSummary';
import { terminalColumns } from './resumeHint';
import { batchPlanNotes } from '../../shared/batch/batchDomain';
import { modelName } from '../../shared/report/names';
import {
  batchEndpoints,
  batchProgress,
  batchTuning,
  cliBatchClients,
  formatJobs,
  spentLine,
  waitForBatch,
} from './cliBatch';
import type { CliIo } from './cliIo';

export const BATCH_USAGE = `Usage: distill-roi batch status|stop|collect --experiment ID [options]

  status    ask AWS for each job's status and counts, store and print them
  stop      stop every job still running (records processed so far are still collected)
  collect   wait for the jobs to end and store their results (--no-wait: one pass only)
Options:
  --data-dir DIR  --profile NAME  --bedrock-endpoint URL  --s3-endpoint URL  --json`;

export async function batchCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${BATCH_USAGE}\n`);
    return 0;
  }
  const [action, ...rest] = argv;
  let v;
  let endpoints;
  try {
    v = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        experiment: { type: 'string' },
        'data-dir': { type: 'string' },
        profile: { type: 'string' },
        'bedrock-endpoint': { type: 'string' },
        's3-endpoint': { type: 'string' },
        'no-wait': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }).values;
    endpoints = batchEndpoints(v, io.env);
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${BATCH_USAGE}\n`);
    return 2;
  }
  if (action !== 'status' && action !== 'stop' && action !== 'collect') {
    io.stderr.write(`batch takes status, stop or collect.\n\n${BATCH_USAGE}\n`);
    return 2;
  }
  if (v.experiment === undefined) {
    io.stderr.write(`--experiment ID is required.\n\n${BATCH_USAGE}\n`);
    return 2;
  }
  const dataDir =
    v['data-dir'] ?? io.env.DISTILL_ROI_DATA_DIR ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    const experiment = getExperiment(db, v.experiment);
    if (!experiment || !getBatchSetup(db, v.experiment)) {
      io.stderr.write(`No batch experiment ${v.experiment} in ${dataDir}.\n`);
      return 2;
    }
    const say = (line: string) => io.stderr.write(`${line}\n`);
    const clients = cliBatchClients({ profile: v.profile, ...endpoints }, experiment.config.region);
    try {
      const deps = {
        db,
        clients,
        region: experiment.config.region,
        tuning: batchTuning(io.env),
        say,
      };
      const overview =
        action === 'status'
          ? await refreshBatchStatus(deps, v.experiment)
          : action === 'stop'
            ? await stopBatch(deps, v.experiment)
            : await waitForBatch(db, clients, v.experiment, {
                wait: !(v['no-wait'] ?? false),
                env: io.env,
                say,
                dataDir,
              });
      const progress = batchProgress(db, v.experiment);
      if (v.json) {
        io.stdout.write(
          `${JSON.stringify({ ...batchOverview(db, v.experiment), calls: { done: progress.done, total: progress.total, failed: progress.failed, spentUsd: progress.spentUsd } }, null, 2)}\n`,
        );
      } else {
        io.stdout.write(`${formatJobs(overview)}\n${spentLine(progress)}\n`);
        // Which quotas the plan used, from the account (and when read) or the defaults.
        if (action === 'status') {
          io.stdout.write(`${batchPlanNotes(overview, modelName).join('\n')}\n`);
        }
        if (action === 'collect' && overview.finished) {
          io.stdout.write(
            `\n${formatSummary(buildSummary(db, progress), terminalColumns(io.stdout))}\n`,
          );
        }
      }
      return action === 'collect' && !overview.finished ? 1 : 0;
    } finally {
      clients.destroy();
    }
  } finally {
    db.close();
  }
}
