import type { BedrockStandIn } from '../support/bedrockStandIn';
import { standInEnv } from '../support/hostLauncher';
import { startLinkedControlPlane, type LinkedControlPlane } from '../support/linkedControlPlane';
import type { S3StandIn } from '../support/s3StandIn';
import { seedParagraphs } from '../support/seedParagraphs';
import {
  DISTILL_E2E_ROLE,
  DISTILL_E2E_S3,
  distillS3,
  inProcessRuntime,
} from './support/distillFixtures';
import { expect, test as base } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { CustomModelsPage } from './pages/CustomModelsPage';
import { DistillPage } from './pages/DistillPage';
import { RoiPage } from './pages/RoiPage';

const PARAGRAPHS = 120;

/**
 * The whole loop on one account: S3 for the training data, one control-plane endpoint where the
 * job's custom model is then served, and a runtime stand-in that answers the evaluation.
 */
const test = base.extend<{ s3: S3StandIn; control: LinkedControlPlane; runtime: BedrockStandIn }>({
  s3: distillS3,
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  control: async ({}, use) => {
    const control = await startLinkedControlPlane({ pollsUntilReady: 2 });
    try {
      await use(control);
    } finally {
      await control.close();
    }
  },
  runtime: inProcessRuntime(2),
});

test.use({
  seeded: async ({ dataDir }, use) => {
    await seedParagraphs(dataDir, 'Support tickets', PARAGRAPHS);
    await use(null);
  },
  hostEnv: async ({ s3, control, runtime }, use) =>
    use({
      ...standInEnv(runtime.url),
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_ENDPOINT_URL_BEDROCK: control.url,
      DISTILL_ROI_DISTILL_POLL_MS: '100',
      DISTILL_ROI_SERVING_POLL_MS: '50',
    }),
});

test('a distillation launched in the app is served, evaluated on its own paragraphs, and its cost is the scenario’s', async ({
  page,
  host,
  control,
  runtime,
}) => {
  await new AppShell(page).open(host.url);
  const distill = new DistillPage(page);
  await distill.open();
  await distill.saveSettings(DISTILL_E2E_ROLE, DISTILL_E2E_S3, '100');
  await distill.fill({
    student: 'amazon.nova-micro-v1:0',
    datasetName: `Support tickets (${PARAGRAPHS})`,
    name: 'tickets-micro',
    trainingPrice: '0.004',
    storagePrice: '1.95',
  });
  // Under the $100 budget: no confirmation asked.
  await expect(distill.launch).toBeEnabled();
  await distill.launch.click();
  await expect(distill.status).toHaveText('Completed', { timeout: 30_000 });
  const jobCost = (await distill.jobCost.textContent()) ?? '';
  expect(jobCost).toMatch(/^\$\d/);
  expect(control.customization.jobs).toHaveLength(1);
  const modelArn = control.customization.jobs[0]?.outputModelArn ?? '';

  // The account now lists the job's model; the app knows its teacher, paragraphs and cost.
  const models = new CustomModelsPage(page);
  await models.open();
  await models.list();
  await expect(models.models).toHaveCount(1);
  await expect(models.models.first()).toContainText('tickets-micro');
  await models.startServingOnDemand('0.00005', '0.0002');
  const jobCostUsd = Number(jobCost.replace(/[$,]/g, ''));
  expect(Number(await models.serveOneOff.inputValue())).toBeCloseTo(jobCostUsd, 2);
  await models.buy();
  await models.confirmServe();
  await expect(models.phase).toHaveText('In service', { timeout: 20_000 });
  const deployment = control.serving.live()[0];
  expect(deployment?.modelArn).toBe(modelArn);

  await expect(models.evaluateTeacher).toHaveValue('amazon.nova-pro-v1:0');
  await models.evaluate();
  await expect(models.evaluateProgress).toContainText('completed', { timeout: 60_000 });
  // The distilled student answered every paragraph the job was trained on, through its deployment.
  expect(runtime.requestsFor(deployment?.arn ?? '')).toHaveLength(PARAGRAPHS);
  await models.createScenario();
  await expect(models.scenarioSaved).toBeVisible();

  const roi = new RoiPage(page);
  await models.openRoi();
  await roi.openScenario('tickets-micro as served (on demand)');
  await expect(roi.actualDistillationCost).toContainText(`it cost ${jobCost}`);
});
