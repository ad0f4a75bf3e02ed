import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeCliBuild, startCli } from '../support/cliProcess';
import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

test.use(RUNTIME_STAND_IN);
test.afterAll(() => removeCliBuild());

test('set up an experiment, run it, watch progress and read the outputs side by side', async ({
  sampleSetup: experiments,
}) => {
  await experiments.setNumber('exp-repeats', '2');
  await expect(experiments.estimate).toContainText('32 calls');
  await experiments.createAndRun();
  await expect(experiments.runPanel).toHaveAttribute('data-status', /running|completed/);
  await experiments.waitForStatus('completed');
  await expect(experiments.figures).toContainText('32 / 32 calls · 0 failed');

  await expect(experiments.summaryRows).toHaveCount(2);
  await expect(experiments.summary).toContainText('Llama 3 70B Instruct');
  await expect(experiments.rows).toHaveCount(8);
  const firstRow = experiments.rows.first();
  await expect(experiments.outputCells(firstRow)).toHaveCount(2);
  await expect(experiments.outputCells(firstRow).first()).toContainText('Tokens');
  await expect(experiments.diffMarks(firstRow).first()).toBeVisible();
});

test('a run above its budget asks before it spends', async ({ page, sampleSetup: experiments }) => {
  await experiments.setNumber('exp-repeats', '1');
  await experiments.setNumber('exp-budget', '0.001');
  await expect(experiments.overBudget).toBeVisible();
  await experiments.createAndRun();
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'draft');
  await experiments.resume();
  await expect(new AppShell(page).errorBanner).toContainText('above the budget');
  await experiments.confirmOverBudget();
  // Confirmed, it runs until the money spent reaches the budget, then pauses itself.
  await experiments.waitForStatus('paused');
  await expect(experiments.runPanel).toContainText(/budget/i);
});

test('an experiment the command line is running is watched, never touched, until it ends', async ({
  page,
  host,
  dataDir,
  standIn,
}) => {
  const teacher = 'test.cli-teacher-v1:0';
  const student = 'test.cli-student-v1:0';
  for (const id of [teacher, student]) {
    await standIn.control(`models/${encodeURIComponent(id)}`, { latencyMs: 400 });
  }
  const file = join(dataDir, 'from-the-command-line.txt');
  writeFileSync(
    file,
    Array.from(
      { length: 10 },
      (_, i) => `Paragraph ${i + 1}: the northern office grew revenue ${i + 2} percent.`,
    ).join('\n\n'),
  );
  const cli = await startCli([
    'run',
    ...['--data-dir', dataDir, '--endpoint', standIn.url, '--name', 'Nightly CLI run'],
    ...['--dataset', file, '--teacher', teacher, '--student', student],
    ...['--repeats', '1', '--concurrency', '1'],
    ...['--price', `${teacher}=0.001,0.002`, '--price', `${student}=0.0001,0.0002`],
  ]);
  // Open the app once the CLI has made its first call (so the experiment exists and is running).
  await expect
    .poll(async () => {
      const res = await fetch(`${standIn.url}/__stand-in/requests`);
      const requests = (await res.json()) as { modelId: string }[];
      return requests.filter((r) => r.modelId === teacher || r.modelId === student).length;
    })
    .toBeGreaterThan(0);

  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await expect(experiments.runPanel).toHaveAttribute('data-elsewhere', 'true');
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'running');
  await expect(experiments.runPanel).toContainText("Distill ROI's command line (process");
  // Nothing to press: pausing, cancelling or resuming here could pay for its calls twice.
  await expect(experiments.runPanelButtons).toHaveCount(0);
  // The window re-reads the store while the CLI works, and shows the end of the run.
  await experiments.waitForStatus('completed');
  await expect(experiments.runPanel).toHaveAttribute('data-elsewhere', 'false');
  await expect(experiments.figures).toContainText('20 / 20 calls · 0 failed');
  await expect(experiments.rows).toHaveCount(10);
  await expect(experiments.list).toContainText('completed · 20/20 calls');
  expect((await cli.exited).code).toBe(0);
});
