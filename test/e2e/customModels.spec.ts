import { expect, test } from '@playwright/test';
import { startBedrockStandIn, type BedrockStandIn } from '../support/bedrockStandIn';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { seedParagraphs } from '../support/seedParagraphs';
import {
  distilledModel,
  startServingStandIn,
  type ServingStandIn,
} from '../support/servingStandIn';
import { makeTempDir } from '../support/tempDir';
import { CustomModelsPage } from './pages/CustomModelsPage';
import { RoiPage } from './pages/RoiPage';
import { seriousViolations } from './support/axe';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let control: ServingStandIn;
let runtime: BedrockStandIn;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-custom-');
  await seedParagraphs(tmp.dir, 'Support paragraphs', 5);
  control = await startServingStandIn({ pollsUntilReady: 3 });
  control.addCustomModel(
    'us-east-1',
    distilledModel('us-east-1', 'support-micro', 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0'),
  );
  runtime = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
  host = await launchHost(tmp.dir, {
    ...standInEnv(runtime.url),
    AWS_ENDPOINT_URL_BEDROCK: control.url,
    DISTILL_ROI_SERVING_POLL_MS: '50',
  });
});
test.afterEach(async () => {
  await host.stop();
  await control.close();
  await runtime.close();
  tmp.cleanup();
});

test('serve a distilled model, wait until in service, evaluate it into a scenario, then delete it', async ({
  page,
}) => {
  await page.goto(host.url);
  const screen = new CustomModelsPage(page);
  await screen.open();
  await screen.list();
  await expect(screen.models).toHaveCount(1);
  await expect(screen.models.first()).toContainText('Nova Micro');

  await screen.serveOnDemand('0.00005', '0.0002', '41.50');
  await expect(screen.serveForm.getByTestId('serve-cost')).toContainText('no hourly charge');
  // Nothing is bought until the second click.
  expect(control.createCalls('deployment')).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screen.confirmServe();
  await expect(screen.phase).toHaveText('In service', { timeout: 20_000 });
  const arn = control.live()[0]?.arn ?? '';
  await expect(screen.serving.getByTestId('serving-arn')).toHaveText(arn);
  await expect(screen.cost).toContainText('per 1,000 tokens');

  await expect(screen.serving.getByTestId('evaluate-teacher')).toHaveValue('amazon.nova-pro-v1:0');
  await screen.evaluate();
  await expect(screen.serving.getByTestId('evaluate-progress')).toContainText('completed', {
    timeout: 30_000,
  });
  expect(runtime.requestsFor(arn)).toHaveLength(5);
  expect(await seriousViolations(page)).toEqual([]);
  await screen.createScenario();
  await expect(screen.serving.getByTestId('evaluate-scenario-saved')).toBeVisible();

  const roi = new RoiPage(page);
  await screen.openRoi();
  await roi.openScenario('support-micro as served (on demand)');
  await expect(roi.actualDistillationCost).toContainText('$41.50');

  await screen.open();
  await screen.delete();
  await expect(screen.phase).toHaveText('Deleted');
  expect(control.live()).toEqual([]);
  expect(control.createCalls('deployment')).toBe(1);
});
