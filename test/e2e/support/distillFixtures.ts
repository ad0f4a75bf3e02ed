/**
 * Stand-ins the distillation specs share, as Playwright fixture functions: S3 for the training
 * data (bucket `distill-e2e`, accepting the host's test key) and an in-process Bedrock runtime
 * stand-in whose requests a spec can count per model ARN. Each is stopped after the test, even
 * when it fails.
 */
import { startBedrockStandIn, type BedrockStandIn } from '../../support/bedrockStandIn';
import { standInEnv } from '../../support/hostLauncher';
import { startS3StandIn, type S3StandIn } from '../../support/s3StandIn';

export const DISTILL_E2E_BUCKET = 'distill-e2e';
/** The Distill settings the specs save: the service role and where training data goes. */
export const DISTILL_E2E_ROLE = 'arn:aws:iam::111122223333:role/BedrockDistillationRole';
export const DISTILL_E2E_S3 = `s3://${DISTILL_E2E_BUCKET}/jobs`;

// Playwright reads a fixture's needs from its first parameter's pattern: these need none.
/* eslint-disable no-empty-pattern */
export async function distillS3({}, use: (s3: S3StandIn) => Promise<void>): Promise<void> {
  const s3 = await startS3StandIn({
    buckets: [DISTILL_E2E_BUCKET],
    accessKeys: [standInEnv('http://127.0.0.1:9').AWS_ACCESS_KEY_ID ?? ''],
  });
  try {
    await use(s3);
  } finally {
    await s3.close();
  }
}

/** A runtime stand-in answering every model after `latencyMs`. */
export const inProcessRuntime =
  (latencyMs: number) =>
  async ({}, use: (runtime: BedrockStandIn) => Promise<void>): Promise<void> => {
    const runtime = await startBedrockStandIn({ fallbackModel: { latencyMs } });
    try {
      await use(runtime);
    } finally {
      await runtime.close();
    }
  };
/* eslint-enable no-empty-pattern */
