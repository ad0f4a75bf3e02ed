/**
 * The one setup every end-to-end spec shares, as Playwright fixtures: a temporary data folder,
 * what is written into it before the app starts (`seeded`), the browser host on it, a fresh
 * Bedrock runtime stand-in, the batch stand-ins, and the sample run. A spec names what it needs
 * in its test's arguments and gets it set up before and taken down after, even when it fails.
 *
 * The host starts with no AWS endpoint of its own; a spec that calls models points it at the
 * stand-in with `test.use(RUNTIME_STAND_IN)` (or `BATCH_STAND_INS`), and one that starts from
 * stored results writes them with `test.use({ seeded: async ({ dataDir }, use) => … })`.
 * docs/e2e-tests.md says more.
 */
import { test as base } from '@playwright/test';
import { join } from 'node:path';
import {
  startBatchStandInProcess,
  type BatchStandInProcess,
} from '../../support/batchStandInProcess';
import { standInEnv } from '../../support/hostLauncher';
import { seedParagraphs } from '../../support/seedParagraphs';
import { buildStandIn, spawnStandIn, type StandInProcess } from '../../support/standInProcess';
import { makeTempDir } from '../../support/tempDir';
import { AppHost } from './appHost';
import { DatasetsPage } from '../pages/DatasetsPage';
import { ExperimentsPage } from '../pages/ExperimentsPage';

export { expect } from '@playwright/test';
export type { AppHost } from './appHost';

const ROOT = join(__dirname, '..', '..', '..');

/** What a seed wrote that a spec may need again (null when it wrote nothing, or nothing to name). */
export type Seeded = { experimentId: string } | null;

interface Options {
  /** Environment for the host beyond the test process's own: the stand-ins' endpoints. */
  hostEnv: NodeJS.ProcessEnv;
  /** Written into the data folder before the host first starts. */
  seeded: Seeded;
  /** Settings for the batch stand-ins' process (STAND_IN_HOLD_BEFORE and the like). */
  batchStandInEnv: Record<string, string>;
}

interface Fixtures {
  /** A fresh, empty data folder, removed after the test. */
  dataDir: string;
  /** The browser host on `dataDir`, started before the test and stopped after it. */
  host: AppHost;
  /** A fresh Bedrock runtime stand-in for this test alone: its default scripts, no requests. */
  standIn: StandInProcess;
  /** S3 and the Bedrock batch control plane on loopback, accepting the host's test key. */
  batchStandIns: BatchStandInProcess;
  /** The app open on the host, with the sample dataset added from the first-run card. */
  sampleDataset: DatasetsPage;
  /** The experiments screen, its setup open on the sample dataset. */
  sampleSetup: ExperimentsPage;
  /** The sample dataset run once through teacher and student from the UI, to completion. */
  sampleRun: ExperimentsPage;
}

interface WorkerFixtures {
  /** The runtime stand-in, bundled once per worker; each test spawns its own from it. */
  standInBundle: string;
}

/** The fake keys the host sends; the batch stand-ins accept them. */
const HOST_KEY = standInEnv('http://127.0.0.1:9').AWS_ACCESS_KEY_ID ?? '';

export const test = base.extend<Options & Fixtures, WorkerFixtures>({
  hostEnv: [{}, { option: true }],
  seeded: [null, { option: true }],
  batchStandInEnv: [{}, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  standInBundle: [async ({}, use) => use(await buildStandIn(ROOT)), { scope: 'worker' }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  dataDir: async ({}, use) => {
    const tmp = makeTempDir('distill-e2e-');
    try {
      await use(tmp.dir);
    } finally {
      tmp.cleanup();
    }
  },

  // `seeded` is resolved first: whatever it writes is in the folder when the app opens it.
  host: async ({ dataDir, hostEnv, seeded }, use) => {
    void seeded;
    const host = new AppHost(dataDir, hostEnv);
    await host.start();
    try {
      await use(host);
    } finally {
      await host.stop();
    }
  },

  standIn: async ({ standInBundle }, use) => {
    const standIn = await spawnStandIn(standInBundle);
    try {
      await use(standIn);
    } finally {
      await standIn.stop();
    }
  },

  batchStandIns: async ({ batchStandInEnv }, use) => {
    const stands = await startBatchStandInProcess(ROOT, {
      STAND_IN_ACCESS_KEYS: HOST_KEY,
      STAND_IN_STEP_MS: '20',
      ...batchStandInEnv,
    });
    try {
      await use(stands);
    } finally {
      await stands.stop();
    }
  },

  sampleDataset: async ({ page, host }, use) => {
    const datasets = new DatasetsPage(page);
    await datasets.open(host.url);
    await datasets.addSample();
    await use(datasets);
  },

  sampleSetup: async ({ page, sampleDataset }, use) => {
    void sampleDataset;
    const experiments = new ExperimentsPage(page);
    await experiments.open();
    await use(experiments);
  },

  sampleRun: async ({ sampleSetup: experiments }, use) => {
    await experiments.setNumber('exp-repeats', '1');
    await experiments.createAndRun();
    await experiments.waitForStatus('completed');
    await use(experiments);
  },
});

/** `test.use(RUNTIME_STAND_IN)`: the host's Bedrock runtime calls go to this test's stand-in. */
export const RUNTIME_STAND_IN = {
  hostEnv: async (
    { standIn }: { standIn: StandInProcess },
    use: (env: NodeJS.ProcessEnv) => Promise<void>,
  ) => use(standInEnv(standIn.url)),
};

/** The host's endpoints for batch: S3 and the batch control plane, runtime calls to `runtimeUrl`. */
const batchHostEnv = (stands: BatchStandInProcess, runtimeUrl: string): NodeJS.ProcessEnv => ({
  ...standInEnv(runtimeUrl),
  AWS_ENDPOINT_URL_S3: stands.s3Url,
  AWS_ENDPOINT_URL_BEDROCK: stands.bedrockUrl,
  // Service Quotas unreachable (a closed port): the plan uses the documented defaults.
  AWS_ENDPOINT_URL_SERVICE_QUOTAS: 'http://127.0.0.1:9',
  DISTILL_ROI_BATCH_POLL_MS: '50',
});

const seedBatchParagraphs = async (
  { dataDir }: { dataDir: string },
  use: (seeded: Seeded) => Promise<void>,
) => {
  await seedParagraphs(dataDir, 'Batch paragraphs', 120);
  await use(null);
};

/**
 * `test.use(BATCH_STAND_INS)`: batch jobs go to S3 and the batch control plane on loopback, and
 * the data folder holds 120 paragraphs (Bedrock batch jobs need at least 100 records, more than
 * the sample has).
 */
export const BATCH_STAND_INS = {
  seeded: seedBatchParagraphs,
  hostEnv: async (
    { batchStandIns }: { batchStandIns: BatchStandInProcess },
    use: (env: NodeJS.ProcessEnv) => Promise<void>,
  ) =>
    // No runtime calls are expected: a closed port, so one would fail rather than reach AWS.
    use(batchHostEnv(batchStandIns, 'http://127.0.0.1:9')),
};

/**
 * `test.use(BATCH_WITH_RUNTIME)`: as BATCH_STAND_INS, and the calls made on demand (below the
 * batch minimum, or the ones a batch left without a result) go to this test's runtime stand-in.
 */
export const BATCH_WITH_RUNTIME = {
  seeded: seedBatchParagraphs,
  hostEnv: async (
    { batchStandIns, standIn }: { batchStandIns: BatchStandInProcess; standIn: StandInProcess },
    use: (env: NodeJS.ProcessEnv) => Promise<void>,
  ) => use(batchHostEnv(batchStandIns, standIn.url)),
};
