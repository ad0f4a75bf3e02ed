import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { BILL_TODAY, billUsage, seedBillDataDir } from '../support/billFixture';
import { startCostExplorerStandIn, type CostExplorerStandIn } from '../support/costExplorerStandIn';
import { launchHost, type LaunchedHost } from '../support/hostLauncher';
import {
  startInferenceProfileStandIn,
  type InferenceProfileStandIn,
} from '../support/inferenceProfileStandIn';
import { makeTempDir } from '../support/tempDir';
import { BillPage } from './pages/BillPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let ce: CostExplorerStandIn;
let bedrock: InferenceProfileStandIn;
let experimentId: string;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-bill-');
  experimentId = (await seedBillDataDir(tmp.dir)).experimentId;
  bedrock = await startInferenceProfileStandIn();
  ce = await startCostExplorerStandIn({ today: BILL_TODAY, pageSize: 4 });
  ce.setUsage(billUsage());
  host = await launchHost(tmp.dir, {
    AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
    AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
    AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
    AWS_SECRET_ACCESS_KEY: 'e2e-secret-not-real',
    AWS_PROFILE: '',
  });
});
test.afterEach(async () => {
  await host.stop();
  await ce.close();
  await bedrock.close();
  tmp.cleanup();
});

test('three days: billed vs computed per model, the differences explained, fetched once', async ({
  page,
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
  await expect(bill.table.locator('thead')).toContainText('Billed (USD)');
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
}) => {
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
  await bill.tags.locator('summary').click();
  await expect(bill.tags).toContainText('Cost allocation tags');
  await bill.createProfiles.click();
  await expect(bill.profiles.locator('li')).toHaveCount(3);
  await expect(bill.profiles).toContainText(':application-inference-profile/');
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
