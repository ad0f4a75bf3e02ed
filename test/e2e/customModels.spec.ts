import type { BedrockStandIn } from '../support/bedrockStandIn';
import { standInEnv } from '../support/hostLauncher';
import { seedParagraphs } from '../support/seedParagraphs';
import type { ServingStandIn } from '../support/servingStandIn';
import { inProcessRuntime } from './support/distillFixtures';
import { expect, test as base } from './support/fixtures';
import { withServingControl } from './support/servingControl';
import { AppShell } from './pages/AppShell';
import { CustomModelsPage } from './pages/CustomModelsPage';
import { RoiPage } from './pages/RoiPage';
import { seriousViolations } from './support/axe';

/**
 * The control plane that serves custom models, and an in-process runtime stand-in (the spec
 * counts the requests sent to the deployment's ARN).
 */
const test = base.extend<{ control: ServingStandIn; runtime: BedrockStandIn }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  control: async ({}, use) => withServingControl(use),
  runtime: inProcessRuntime(5),
});

test.use({
  seeded: async ({ dataDir }, use) => {
    await seedParagraphs(dataDir, 'Support paragraphs', 5);
    await use(null);
  },
  hostEnv: async ({ runtime, control }, use) =>
    use({
      ...standInEnv(runtime.url),
      AWS_ENDPOINT_URL_BEDROCK: control.url,
      DISTILL_ROI_SERVING_POLL_MS: '50',
    }),
});

test('serve a distilled model, wait until in service, evaluate it into a scenario, then delete it', async ({
  page,
  host,
  control,
  runtime,
}) => {
  await new AppShell(page).open(host.url);
  const screen = new CustomModelsPage(page);
  await screen.open();
  await screen.list();
  await expect(screen.models).toHaveCount(1);
  await expect(screen.models.first()).toContainText('Nova Micro');

  await screen.serveOnDemand('0.00005', '0.0002', '41.50');
  await expect(screen.serveCost).toContainText('no hourly charge');
  // Nothing is bought until the second click.
  expect(control.createCalls('deployment')).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screen.confirmServe();
  await expect(screen.phase).toHaveText('In service', { timeout: 20_000 });
  const arn = control.live()[0]?.arn ?? '';
  await expect(screen.servingArn).toHaveText(arn);
  await expect(screen.cost).toContainText('per 1,000 tokens');

  await expect(screen.evaluateTeacher).toHaveValue('amazon.nova-pro-v1:0');
  await screen.evaluate();
  await expect(screen.evaluateProgress).toContainText('completed', {
    timeout: 30_000,
  });
  expect(runtime.requestsFor(arn)).toHaveLength(5);
  expect(await seriousViolations(page)).toEqual([]);
  await screen.createScenario();
  await expect(screen.scenarioSaved).toBeVisible();

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
