/**
 * S3 (s3rver behind its fault front) and the Bedrock batch stand-in as their own process, for
 * the benchmark and end-to-end runs, so that their CPU and memory are not counted as the app's.
 * Prints `S3_URL=...` and `BEDROCK_URL=...` once listening; stops on SIGTERM/SIGINT.
 * Access keys to accept: STAND_IN_ACCESS_KEYS (comma-separated), besides S3RVER.
 * STAND_IN_HOLD_BEFORE=InProgress keeps jobs before that status until the process gets SIGUSR2
 * (a test kills the app meanwhile). STAND_IN_GET_FAULTS=expiredToken,denied,… answers the first
 * job polls with those faults, one per poll. STAND_IN_JOB_OUTCOMES=PartiallyCompleted,Failed ends
 * the next created jobs, in creation order, with those of Bedrock's documented end statuses
 * (PartiallyCompleted: half the records processed, output and manifest for those; Failed: at
 * validation, no output; Expired: before it starts); jobs after them complete.
 */
import assert from 'node:assert/strict';
import { startBatchStandIn, type ControlFault, type JobScript } from './batchStandIn';
import { startS3StandIn } from './s3StandIn';

const OUTCOMES: Record<string, JobScript> = {
  Completed: {},
  PartiallyCompleted: { outcome: 'PartiallyCompleted', processShare: 0.5 },
  Failed: {
    outcome: 'Failed',
    failMessage: 'The input data failed validation: the service role cannot read the input.',
  },
  Expired: { outcome: 'Expired' },
};

/** STAND_IN_JOB_OUTCOMES as job scripts, one per status named (comma-separated). */
function jobOutcomes(list: string): JobScript[] {
  return list
    .split(',')
    .filter(Boolean)
    .map((status) => {
      const script = OUTCOMES[status];
      assert.ok(
        script,
        `STAND_IN_JOB_OUTCOMES: ${status} is not one of ${Object.keys(OUTCOMES).join(', ')}`,
      );
      return script;
    });
}

async function main(): Promise<void> {
  const keys = (process.env.STAND_IN_ACCESS_KEYS ?? '').split(',').filter(Boolean);
  const buckets = (process.env.STAND_IN_BUCKETS ?? 'distill-batch').split(',').filter(Boolean);
  const s3 = await startS3StandIn({ buckets, accessKeys: keys });
  const bedrock = await startBatchStandIn({
    s3Endpoint: s3.url,
    stepMs: Number(process.env.STAND_IN_STEP_MS ?? 20),
  });
  const getFaults = (process.env.STAND_IN_GET_FAULTS ?? '').split(',').filter(Boolean);
  bedrock.queueFaults('get', getFaults as ControlFault[]);
  bedrock.queueScripts(jobOutcomes(process.env.STAND_IN_JOB_OUTCOMES ?? ''));
  const hold = process.env.STAND_IN_HOLD_BEFORE;
  if (hold) {
    bedrock.holdBefore(hold);
    process.on('SIGUSR2', () => bedrock.release());
  }
  process.stdout.write(`S3_URL=${s3.url}\nBEDROCK_URL=${bedrock.url}\n`);
  const stop = () => {
    void bedrock
      .close()
      .then(() => s3.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`batch stand-ins failed to start: ${String(e)}\n`);
  process.exit(1);
});
