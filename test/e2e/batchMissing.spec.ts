/**
 * A batch whose jobs end without a result for some records (Bedrock's PartiallyCompleted and
 * Failed, as the batch stand-in reports them): the job notes name "Run missing calls on demand",
 * that button makes exactly the missing calls against the runtime stand-in, and the experiment
 * ends with every call stored once. With no result at all, the results say so instead of asking
 * to run the experiment.
 */
import type { Page } from '@playwright/test';
import { BATCH_WITH_RUNTIME, expect, test } from './support/fixtures';
import { defaultModelScripts } from '../support/standInDefaults';
import type { StandInProcess } from '../support/standInProcess';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';

test.use({ ...BATCH_WITH_RUNTIME, viewport: { width: 1280, height: 720 } });

// The models answer as by default, at a hundredth of their latency: up to 240 calls on demand.
test.beforeEach(async ({ standIn }) => {
  for (const [id, script] of Object.entries(defaultModelScripts(0.01))) {
    await standIn.control(`models/${encodeURIComponent(id)}`, script);
  }
});

const ROLE = 'arn:aws:iam::111122223333:role/BedrockBatchRole';

/** The 120 seeded paragraphs, one repeat, sent to batch: 120 records per model, one job each. */
async function runAsBatch(page: Page, url: string) {
  await new AppShell(page).open(url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '1');
  const batch = new BatchPanel(page);
  await batch.enable('s3://distill-batch/missing', ROLE);
  await experiments.createAndRun();
  return { batch, experiments };
}

/** The model calls the runtime stand-in answered, each as model and prompt. */
async function onDemandCalls(standIn: StandInProcess): Promise<string[]> {
  return (await standIn.requests()).map((r) => `${r.modelId} ${JSON.stringify(r.body?.messages)}`);
}

test.describe('one job partly completed, the other failed', () => {
  test.use({ batchStandInEnv: { STAND_IN_JOB_OUTCOMES: 'PartiallyCompleted,Failed' } });

  test('the notes name the button, and it makes exactly the missing calls on demand: every call stored once', async ({
    page,
    host,
    standIn,
  }) => {
    const { batch, experiments } = await runAsBatch(page, host.url);
    await expect(batch.jobStatuses).toHaveText(
      ['Partially completed · collected', 'Failed · collected'],
      { timeout: 60_000 },
    );
    // Half of the first job's 120 records came back; the failed job returned nothing.
    await expect(batch.stored).toHaveText(['60 / 0 / 60', '0 / 0 / 120']);
    await expect(batch.jobNotes).toHaveCount(2);
    for (const note of await batch.jobNotes.all()) {
      await expect(note).toContainText('"Run missing calls on demand" in the run panel');
    }
    await expect(batch.jobNotes.nth(1)).toContainText('Failed (The input data failed validation');
    // The command each note names is code on one line, never "--" / "resume" on two.
    await expect(batch.noteCommands).toHaveText(
      new Array(2).fill(/^distill-roi run --resume [0-9a-f-]+$/),
    );
    expect(await batch.noteCommandLines()).toEqual([1, 1]);
    // The jobs ended, but 180 calls were never made: not "Completed" beside "60 / 240 calls".
    await expect(experiments.runStatus).toHaveText('Incomplete');
    await expect(experiments.list).toContainText('incomplete · 60/240 calls');
    await expect(experiments.figures).toContainText('60 / 240 calls');
    await expect(experiments.runMissingButton).toHaveText('Run missing calls on demand (180)');
    expect(await onDemandCalls(standIn)).toEqual([]);
    // The 60 results the batch stored are shown, not a note that there are none.
    await expect(experiments.rows.first()).toBeVisible();
    await expect(experiments.noResults).toHaveCount(0);
    // A cell the batch brought nothing back for says so, not "Not run yet".
    await expect(experiments.missingOutputs.first()).toHaveText(
      'No result from its batch job; "Run missing calls on demand" makes the call',
    );
    // The teacher made batch calls only: no time lost shown as zero, here or in the run panel.
    await expect(experiments.summaryRows).toHaveCount(1);
    await expect(experiments.summaryRows.first()).not.toContainText('0.00 ms');
    await expect(experiments.runModelLost).toHaveText(['batch: no latency', '—']);
    await page.screenshot({ path: '.tmp/screens/batch-missing-before.png', fullPage: true });

    await experiments.runMissing();
    // The stored status was completed before the press too: the figures say when the calls are in.
    await expect(experiments.figures).toContainText('240 / 240 calls · 0 failed', {
      timeout: 60_000,
    });
    await experiments.waitForStatus('completed');
    await expect(experiments.runStatus).toHaveText('Completed');
    await expect(experiments.runMissingButton).toHaveCount(0);
    // The results show every call, not the figures from before the press: 120 per model.
    await expect(experiments.summaryCalls).toHaveText(['120', '120']);
    await expect(experiments.missingOutputs).toHaveCount(0);
    // Every record now has a call: the notes say the missing ones were made, and offer nothing.
    await expect(batch.jobNotes.nth(0)).toContainText(
      'the records processed were collected; the 60 records without a result were run on demand.',
    );
    await expect(batch.jobNotes.nth(1)).toContainText(
      'no output; the 120 records without a result were run on demand.',
    );
    for (const note of await batch.jobNotes.all()) {
      await expect(note).not.toContainText('Run missing calls on demand');
    }
    const calls = await onDemandCalls(standIn);
    expect(calls).toHaveLength(180);
    expect(new Set(calls).size).toBe(180);
    await page.screenshot({ path: '.tmp/screens/batch-missing-after.png', fullPage: true });
  });
});

test.describe('every job failed', () => {
  test.use({ batchStandInEnv: { STAND_IN_JOB_OUTCOMES: 'Failed,Failed' } });

  test('the results say the jobs ended without a result and name the button, not "run the experiment"', async ({
    page,
    host,
    standIn,
  }) => {
    const { batch, experiments } = await runAsBatch(page, host.url);
    await expect(batch.jobStatuses).toHaveText(['Failed · collected', 'Failed · collected'], {
      timeout: 60_000,
    });
    await expect(experiments.noResults).toHaveText(
      'All 2 batch jobs ended without a result (Failed): nothing came back to show here. The job notes above say why; "Run missing calls on demand" in the run panel makes these calls on demand.',
    );
    await page.screenshot({ path: '.tmp/screens/batch-all-failed.png', fullPage: true });

    await experiments.runMissing();
    // The status was Completed before the press too: the figures say when the calls are in.
    await expect(experiments.figures).toContainText('240 / 240 calls · 0 failed', {
      timeout: 60_000,
    });
    await experiments.waitForStatus('completed');
    await expect(experiments.noResults).toHaveCount(0);
    await expect(experiments.rows.first()).toBeVisible();
    expect(await onDemandCalls(standIn)).toHaveLength(240);
  });
});
