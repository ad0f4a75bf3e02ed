import {
  startCustomizationStandIn,
  type CustomizationStandIn,
} from '../support/customizationStandIn';
import { standInEnv } from '../support/hostLauncher';
import type { S3StandIn } from '../support/s3StandIn';
import { seedParagraphs } from '../support/seedParagraphs';
import { DISTILL_E2E_ROLE, DISTILL_E2E_S3, distillS3 } from './support/distillFixtures';
import { expect, test as base } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { AppShell } from './pages/AppShell';
import { DistillPage } from './pages/DistillPage';

/** No runtime calls are expected: a closed port, so one would fail rather than reach AWS. */
const env = standInEnv('http://127.0.0.1:9');

/** S3 for the training data and the Bedrock customization control plane, on loopback. */
const test = base.extend<{ s3: S3StandIn; bedrock: CustomizationStandIn }>({
  s3: distillS3,
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  bedrock: async ({}, use) => {
    const bedrock = await startCustomizationStandIn();
    try {
      await use(bedrock);
    } finally {
      await bedrock.close();
    }
  },
});

test.use({
  seeded: async ({ dataDir }, use) => {
    await seedParagraphs(dataDir, 'Support tickets', 150);
    await use(null);
  },
  hostEnv: async ({ s3, bedrock }, use) =>
    use({
      ...env,
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
      DISTILL_ROI_DISTILL_POLL_MS: '100',
    }),
});

test('launch a distillation job above the budget with a confirmation and follow it to the custom model', async ({
  page,
  host,
  bedrock,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await new AppShell(page).open(host.url);
  const distill = new DistillPage(page);
  await distill.open();
  await distill.saveSettings(DISTILL_E2E_ROLE, DISTILL_E2E_S3, '0.05');
  // A student Nova Pro cannot be distilled into is named at its field; nothing is sent.
  await distill.fill({
    student: 'meta.llama3-1-8b-instruct-v1:0',
    datasetName: 'Support tickets (150)',
    name: 'support-micro',
    trainingPrice: '0.004',
    storagePrice: '1.95',
  });
  await expect(distill.problem('studentModelId')).toContainText('AWS does not list');
  await expect(distill.launch).toBeDisabled();

  await distill.chooseStudent('amazon.nova-micro-v1:0');
  await expect(distill.problem('studentModelId')).toHaveCount(0);
  await expect(distill.estimate).toHaveCount(4);
  await expect(distill.estimate.nth(2)).toHaveText('$1.95');
  // Above the $0.05 budget: Launch waits for the explicit yes.
  await expect(distill.launch).toBeDisabled();
  await distill.confirm.check();
  await page.screenshot({ path: '.tmp/distill-form-1440.png', fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);
  await distill.launch.click();

  await expect(distill.jobs).toHaveCount(1);
  await expect(distill.status).toHaveText('Completed', { timeout: 30_000 });
  for (const s of ['validation', 'dataProcessing', 'training'] as const) {
    await expect(distill.step(s)).toContainText('Completed');
  }
  await expect(distill.outcome).toContainText(':custom-model/amazon.nova-micro-v1:0/');
  await expect(distill.serveNote).toHaveText('Serve and evaluate it on Custom models.');
  expect(bedrock.jobs).toHaveLength(1);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: '.tmp/distill-done-1280.png', fullPage: true });
});
