import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';

/**
 * Issue 12, one status source: while a run goes, the experiment list and the run panel tell the
 * same progress, and outputs appear as calls complete, not only once the run ends.
 */
const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';

test.use(RUNTIME_STAND_IN);

// Slow enough to watch: 16 calls, one at a time, 250 ms each.
test.beforeEach(async ({ standIn }) => {
  for (const id of [TEACHER, STUDENT]) {
    await standIn.control(`models/${encodeURIComponent(id)}`, { latencyMs: 250 });
  }
});

/** "7 / 16 calls · …" or "running · 7/16 calls · …": the calls done. */
const doneIn = (text: string | null) => Number(/(\d+) ?\/ ?\d+ calls/.exec(text ?? '')?.[1] ?? -1);

test('the list and the panel agree while calls complete, and outputs appear during the run', async ({
  sampleSetup: experiments,
}) => {
  await experiments.setNumber('exp-repeats', '1');
  await experiments.setNumber('exp-concurrency', '1');
  await experiments.createAndRun();

  const listLine = experiments.listProgress;
  await expect.poll(async () => doneIn(await experiments.figures.textContent())).toBeGreaterThan(3);
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'running');
  await expect(listLine).toContainText('running');
  // Both read one snapshot: the list never lags behind the panel.
  await expect
    .poll(async () => {
      const panel = doneIn(await experiments.figures.textContent());
      const list = doneIn(await listLine.textContent());
      return list === panel || list === panel + 1;
    })
    .toBe(true);
  // Outputs are shown while the run is still going.
  await expect(experiments.outputCells().first()).toBeVisible();
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'running');

  await experiments.waitForStatus('completed');
  await expect(listLine).toContainText('completed · 16/16 calls');
});
