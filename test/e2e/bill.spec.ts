import { join } from 'node:path';
import { BILL_TODAY, billUsage, seedBillDataDir } from '../support/billFixture';
import { startCostExplorerStandIn, type CostExplorerStandIn } from '../support/costExplorerStandIn';
import {
  startInferenceProfileStandIn,
  type InferenceProfileStandIn,
} from '../support/inferenceProfileStandIn';
import { expect, test as base } from './support/fixtures';
import { BillPage } from './pages/BillPage';

/** Cost Explorer (paging 4 groups at a time) and the inference-profile API, on loopback. */
const test = base.extend<{ ce: CostExplorerStandIn; bedrock: InferenceProfileStandIn }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  ce: async ({}, use) => {
    const ce = await startCostExplorerStandIn({ today: BILL_TODAY, pageSize: 4 });
    ce.setUsage(billUsage());
    try {
      await use(ce);
    } finally {
      await ce.close();
    }
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  bedrock: async ({}, use) => {
    const bedrock = await startInferenceProfileStandIn();
    try {
      await use(bedrock);
    } finally {
      await bedrock.close();
    }
  },
});

test.use({
  seeded: async ({ dataDir }, use) => use(await seedBillDataDir(dataDir)),
  hostEnv: async ({ ce, bedrock }, use) =>
    use({
      AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
      AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
      AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
      AWS_SECRET_ACCESS_KEY: 'e2e-secret-not-real',
      AWS_PROFILE: '',
    }),
});

test('three days: billed vs computed per model, the differences explained, fetched once', async ({
  page,
  host,
  ce,
}) => {
  const bill = new BillPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await bill.open(host.url);
  // The range defaults to the days the app made calls; nothing is asked of AWS on opening.
  await expect(bill.from).toHaveValue('2026-12-04');
  await expect(bill.to).toHaveValue('2026-12-07');
  await expect(bill.notice).toContainText(
    'Fetching makes at least 2 Cost Explorer requests ($0.02 at $0.01 each)',
  );
  await expect(bill.notice).toContainText('Nothing fetched for this range yet.');
  expect(ce.targets).toHaveLength(0);

  await bill.fetchButton.click();
  await expect(bill.tableHead).toContainText('Billed (USD)');
  await expect(bill.cells('Amazon Nova Pro')).toHaveText([
    'us-east-1',
    '$1.26',
    '$0.0144',
    '+$1.25',
  ]);
  await expect(bill.model('Amazon Nova Pro')).toContainText(
    'Billed $1.25 more than computed on 2026-12-05: other calls to this model in the account',
  );
  await expect(bill.model('Amazon Nova Lite')).toContainText(
    'Cache read/write tokens billed $0.02: the app records no cache tokens',
  );
  await expect(bill.model('Claude 3 Haiku')).toContainText('Billed equals computed.');
  await expect(bill.model('Claude 3 Haiku')).toContainText(
    'Billing for 2026-12-06 is estimated and may still change.',
  );
  await expect(bill.otherUsage).toContainText('Llama3-70B (us-east-1): $0.40');
  await expect(bill.notes).toContainText('No billing data yet for 2026-12-07');
  await expect(bill.updated).toContainText('Billing data through 2026-12-06');
  const made = ce.targets.length;
  await expect(bill.notice).toContainText(`This fetch made ${made} requests.`);
  await expect(bill.fetchButton).toHaveText('Refresh');
  await page.screenshot({ path: join(test.info().outputDir, 'bill-1280x720.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: join(test.info().outputDir, 'bill-1440x900.png'), fullPage: true });

  // Opening the screen again reads the store: no request.
  await bill.open(host.url);
  await expect(bill.cells('Amazon Nova Pro')).toHaveText([
    'us-east-1',
    '$1.26',
    '$0.0144',
    '+$1.25',
  ]);
  await expect(bill.notice).toContainText('only Refresh asks again');
  expect(ce.targets).toHaveLength(made);

  // A denied Refresh names the IAM action and keeps what was shown.
  ce.failWith('AccessDeniedException', 'GetDimensionValues');
  await bill.fetchButton.click();
  await expect(bill.error).toContainText('allow ce:GetDimensionValues');
  await expect(bill.cells('Amazon Nova Pro')).toHaveText([
    'us-east-1',
    '$1.26',
    '$0.0144',
    '+$1.25',
  ]);
});

test('tagged profiles per experiment, then the bill grouped by the experiment tag', async ({
  page,
  host,
  ce,
  bedrock,
  seeded,
}) => {
  const experimentId = seeded?.experimentId ?? '';
  ce.setUsage(
    billUsage().map((u) =>
      // The app's own calls went through its tagged profiles; the rest of the account's did not.
      u.costUsd < 1 && !u.usageType.includes('cache') && !u.usageType.includes('Llama')
        ? { ...u, tags: { 'distill-roi-experiment': experimentId } }
        : u,
    ),
  );
  const bill = new BillPage(page);
  await bill.open(host.url);
  await bill.openTags();
  await expect(bill.tags).toContainText('Cost allocation tags');
  await bill.createProfiles.click();
  await expect(bill.profileEntries).toHaveCount(3);
  await expect(bill.profiles).toContainText(':application-inference-profile/');
  // The seeded calls went through earlier profiles, none yet through these new ones.
  await expect(bill.profileCalls).toHaveText(Array(3).fill('(0 stored calls sent through it)'));
  expect(bedrock.created.map((p) => p.tags[0]?.value)).toEqual([
    experimentId,
    experimentId,
    experimentId,
  ]);

  await bill.byTag.check();
  await expect(bill.notice).toContainText('plus one per Bedrock service');
  await bill.fetchButton.click();
  await expect(bill.tagged).toContainText(`${experimentId}: billed $0.02073, computed $0.02073`);
  await expect(bill.tagged).toContainText('(untagged)');
});
