import { expect, test as base } from './support/fixtures';
import {
  startControlPlaneStandIn,
  wireModel,
  wireSystemProfile,
  type ControlPlaneStandIn,
} from '../support/controlPlaneStandIn';
import { standInEnv } from '../support/hostLauncher';
import type { FixtureRow } from '../support/offerFiles';
import { startPriceListStandIn, type PriceListStandIn } from '../support/priceListStandIn';
import { CatalogPage } from './pages/CatalogPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const US = ['us-east-1', 'us-east-2', 'us-west-2'];
const PROVISIONED = 'arn:aws:bedrock:us-east-1:111122223333:provisioned-model/p1p1p1p1p1p1';
const FM_8B = 'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0';

/** Llama 3 8B (the starting scenario's student) and 70B, as the AmazonBedrock offer lists them. */
const llamaRows = (input8b: string): FixtureRow[] => [
  {
    usagetype: 'USE1-Llama3-8B-input-tokens-flex',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    inferenceType: 'Input tokens flex',
    unit: '1K tokens',
    usd: '0.00015',
  },
  {
    usagetype: 'USE1-Llama3-8B-output-tokens-flex',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    inferenceType: 'Output tokens flex',
    unit: '1K tokens',
    usd: '0.0003',
  },
  {
    usagetype: 'USE1-Llama3-8B-input-tokens',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    inferenceType: 'Input tokens',
    unit: '1K tokens',
    usd: input8b,
  },
  {
    usagetype: 'USE1-Llama3-8B-output-tokens',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    inferenceType: 'Output tokens',
    unit: '1K tokens',
    usd: '0.0006',
  },
  {
    usagetype: 'USE1-Llama3-8B-input-tokens-batch',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    feature: 'Batch Inference',
    unit: '1K tokens',
    usd: '0.00015',
  },
  {
    usagetype: 'USE1-Llama3-8B-output-tokens-batch',
    regionCode: 'us-east-1',
    model: 'Llama 3 8B Instruct',
    feature: 'Batch Inference',
    unit: '1K tokens',
    usd: '0.0003',
  },
  {
    usagetype: 'USE1-Llama3-70B-input-tokens',
    regionCode: 'us-east-1',
    model: 'Llama 3 70B Instruct',
    unit: '1K tokens',
    usd: '0.00265',
  },
  {
    usagetype: 'USE1-Llama3-70B-output-tokens',
    regionCode: 'us-east-1',
    model: 'Llama 3 70B Instruct',
    unit: '1K tokens',
    usd: '0.0035',
  },
];

/** The control plane (model list) and the Price List API on loopback, beside the runtime. */
const test = base.extend<{ controlPlane: ControlPlaneStandIn; priceList: PriceListStandIn }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  controlPlane: async ({}, use) => {
    const controlPlane = await startControlPlaneStandIn({
      'us-east-1': {
        models: [
          wireModel('us-east-1', 'meta.llama3-70b-instruct-v1:0', 'Llama 3 70B Instruct', 'Meta', [
            'ON_DEMAND',
          ]),
          wireModel('us-east-1', 'meta.llama3-8b-instruct-v1:0', 'Llama 3 8B Instruct', 'Meta', [
            'ON_DEMAND',
          ]),
          wireModel('us-east-1', 'mistral.ministral-3-8b-v1:0', 'Ministral 3 8B', 'Mistral AI', [
            'ON_DEMAND',
          ]),
          wireModel('us-east-1', SONNET, 'Claude Sonnet 4.5', 'Anthropic', ['INFERENCE_PROFILE']),
          wireModel('us-east-1', HAIKU35, 'Claude 3.5 Haiku', 'Anthropic', ['INFERENCE_PROFILE'], {
            status: 'LEGACY',
            endOfLifeTime: '2027-03-01T00:00:00Z',
          }),
        ],
        profiles: [
          wireSystemProfile('us-east-1', 'us', SONNET, US),
          wireSystemProfile('us-east-1', 'us', HAIKU35, US),
        ],
        provisioned: { [PROVISIONED]: { modelArn: FM_8B, foundationModelArn: FM_8B } },
      },
    });
    // The control plane starts offline: a fresh data folder must fall back to the shipped list.
    await controlPlane.setOffline(true);
    try {
      await use(controlPlane);
    } finally {
      await controlPlane.close();
    }
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  priceList: async ({}, use) => {
    const priceList = await startPriceListStandIn();
    priceList.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-07-01T00:00:00Z',
      rows: llamaRows('0.0003'),
    });
    try {
      await use(priceList);
    } finally {
      await priceList.close();
    }
  },
});

test.use({
  hostEnv: async ({ standIn, controlPlane, priceList }, use) => {
    await use({
      ...standInEnv(standIn.url),
      AWS_ENDPOINT_URL_BEDROCK: controlPlane.url,
      DISTILL_ROI_PRICE_LIST_URL: priceList.url,
    });
  },
});

test('offline the picker shows the shipped dated list; online the account’s, with profiles and lifecycle', async ({
  page,
  host,
  controlPlane,
}) => {
  const app = new CatalogPage(page);
  await app.openNewExperiment(host.url);
  await expect(app.listOrigin).toContainText('(shipped with the app, 2026-12-07)');
  await expect(app.listNotice).toContainText('Could not read the model list');
  await expect(app.teacherOption('Llama 4 Maverick 17B Instruct · via us. profile')).toHaveCount(1);

  await controlPlane.setOffline(false);
  await app.refreshModels();
  await expect(app.listOrigin).toContainText('5 models in us-east-1 (from your account');
  await expect(app.listNotice).toHaveCount(0);
  await expect(app.students).toContainText('Ministral 3 8B');
  await expect(app.students).toContainText('Claude Sonnet 4.5 · via us. profile');
  await app.chooseStudent(/Claude 3\.5 Haiku · via us\. profile · Legacy, ends 2027-03-01/);
  await expect(app.lifecycleWarnings).toContainText(
    'Claude 3.5 Haiku is Legacy; end of life 2027-03-01',
  );

  // A provisioned-throughput ARN says what it is, looked up in the account like `models --resolve`.
  await app.typeModel(PROVISIONED);
  await expect(app.modelResolutions.first()).toHaveText(
    'Provisioned throughput in us-east-1 (account 111122223333): priced as Llama 3 8B Instruct (meta.llama3-8b-instruct-v1:0), looked up in your account.',
  );
  await app.addTypedStudent();
  await expect(app.students).toContainText(PROVISIONED);
  await expect(app.studentResolutions).toContainText('priced as Llama 3 8B Instruct');
});

test('a Price List refresh changes a price: the ROI screen shows it with its date, and the old snapshot stays listed', async ({
  page,
  host,
  priceList,
}) => {
  const app = new CatalogPage(page);
  await app.openNewExperiment(host.url);
  await app.openRoi();
  await expect(app.priceListDate).toContainText('no Price List snapshot yet');
  await app.refreshPrices();
  await expect(app.refreshResult).toContainText('published 2026-07-01');
  await expect(app.studentTierPrices()).toContainText('Standard: $0.0003 in');

  priceList.setOffer('us-east-1', {
    offerCode: 'AmazonBedrock',
    publicationDate: '2026-11-01T00:00:00Z',
    rows: llamaRows('0.00025'),
  });
  await app.refreshPrices();
  await expect(app.refreshResult).toContainText('1 changed');
  await expect(app.priceListDate).toContainText('published 2026-11-01');
  await expect(app.studentTierPrices()).toContainText('Standard: $0.00025 in');
  await expect(app.studentTierPrices()).toContainText('published 2026-11-01');
  await expect(app.studentTierPrices()).toContainText('tiers priced: Standard, Batch, Flex');
  await expect(app.snapshots).toHaveCount(2);
  await expect(app.snapshotList).toContainText('published 2026-07-01');

  // A refresh that fails keeps the snapshot and says why.
  await priceList.setOffline(true);
  await app.refreshPrices();
  await expect(app.refreshResult).toContainText('Kept the snapshot published 2026-11-01');
  await expect(app.snapshots).toHaveCount(2);
});

test('a student run at Flex is sent and priced at Flex, and the results show latency and cost per tier', async ({
  page,
  host,
}) => {
  const app = new CatalogPage(page);
  await app.openNewExperiment(host.url);
  await app.openRoi();
  await app.refreshPrices();
  await expect(app.refreshResult).toContainText('published 2026-07-01');

  const experiments = new ExperimentsPage(page);
  await experiments.openNew();
  await app.chooseTier('Llama 3 8B Instruct', 'Flex');
  await expect(app.pricesTable).toContainText('AWS Price List, Flex tier, 2026-07-01');
  // The teacher's Standard price comes from the same snapshot, with its date.
  await expect(app.pricesTable).toContainText('Llama 3 70B InstructAWS Price List, 2026-07-01');
  await experiments.setNumber('exp-repeats', '1');
  await experiments.createAndRun();
  await experiments.waitForStatus('completed');
  await expect(app.tierSummary).toContainText('Flex');
  await expect(app.tierSummary).toContainText('Standard');
});
