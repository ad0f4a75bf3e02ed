import type { Page } from '@playwright/test';
import { hostileFiles, SCRIPT_PAYLOADS, SENTINEL } from '../support/hostileCorpus';
import type { StandInProcess } from '../support/standInProcess';
import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

/**
 * The hostile corpus through the real renderer in Chromium: every file through the import
 * preview (refused ones must say why), the readable ones into the editor, then a run whose
 * model outputs are markup, and its results. Every payload that could run script sets
 * window.__pwned; it must stay unset, and no dialog or page error may appear.
 */
const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';
/** Files above this are left to the unit tests: pushing 20 MB through the browser proves nothing more. */
const MAX_E2E_BYTES = 4 * 1024 * 1024;

test.use(RUNTIME_STAND_IN);

/** Both models answer with markup and script, as a compromised or tricked model might. */
async function answerWithMarkup(standIn: StandInProcess): Promise<void> {
  for (const [modelId, payload] of [
    [TEACHER, `${SCRIPT_PAYLOADS[0]} teacher ${SCRIPT_PAYLOADS[1]} مرحبا 👩‍👩‍👧‍👦`],
    [STUDENT, `${SCRIPT_PAYLOADS[2]} student ${SCRIPT_PAYLOADS[4]} ${SCRIPT_PAYLOADS[3]}`],
  ] as const) {
    await standIn.control(`models/${encodeURIComponent(modelId)}`, {
      latencyMs: 60,
      ttftMs: 10,
      output: { text: payload },
    });
  }
}

/** Watches for any sign that injected script ran. */
function watchForScript(page: Page) {
  const incidents: string[] = [];
  page.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => incidents.push(`page error: ${e.message}`));
  return {
    incidents,
    async expectClean() {
      expect(
        await page.evaluate(
          (name) => (window as unknown as Record<string, unknown>)[name],
          SENTINEL,
        ),
      ).toBeUndefined();
      expect(incidents).toEqual([]);
    },
  };
}

test('hostile files through the import preview and the editor run no script', async ({
  page,
  host,
}) => {
  // Over 40 files through the preview, one after another: a budget for a busy machine too.
  test.setTimeout(300_000);
  const watch = watchForScript(page);
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await datasets.createDataset('Hostile');
  let tried = 0;
  for (const file of hostileFiles()) {
    if (file.bytes.length > MAX_E2E_BYTES) continue;
    await datasets.pickFile(
      file.fileName.split('/').pop() ?? file.fileName,
      'application/octet-stream',
      Buffer.from(file.bytes),
    );
    tried++;
    const refused = datasets.importRefused;
    const confirm = datasets.importConfirm;
    await expect(refused.or(confirm), file.name).toBeVisible();
    if (file.expect === 'refused') {
      await expect(refused, file.name).toBeVisible();
      expect((await refused.textContent())?.length ?? 0).toBeGreaterThan(10);
      await datasets.cancelImport();
    } else if (
      (await confirm.isDisabled()) ||
      /Import \d{4,} paragraphs/.test((await confirm.textContent()) ?? '')
    ) {
      // Nothing to import, or thousands of one-word rows: the preview was the point.
      await datasets.cancelImport();
    } else {
      await datasets.chooseImportTarget('new');
      await datasets.confirmImport();
      await expect(datasets.cards.first()).toBeVisible();
    }
    await watch.expectClean();
  }
  expect(tried).toBeGreaterThanOrEqual(40);

  // The editor shows the payloads as text, exactly.
  await datasets.selectDataset('script-payloads-as-paragraphs');
  // The name shows before the paragraphs do: wait for them.
  await expect.poll(() => datasets.cardTexts()).toEqual([...SCRIPT_PAYLOADS]);
  await datasets.selectDataset('right-to-left-and-emoji-paragraphs');
  await expect(datasets.cards).toHaveCount(6);
  // And typed into the editor, they stay text too.
  await datasets.selectDataset('Hostile');
  for (const payload of SCRIPT_PAYLOADS.slice(0, 4)) {
    await datasets.pasteParagraph(payload);
    await datasets.addTypedParagraph();
  }
  await watch.expectClean();
});

test('a run whose outputs are markup shows them as text and runs no script', async ({
  page,
  host,
  standIn,
}) => {
  await answerWithMarkup(standIn);
  const watch = watchForScript(page);
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await datasets.createDataset('Markup paragraphs');
  for (const payload of SCRIPT_PAYLOADS.slice(0, 3)) {
    await datasets.pasteParagraph(payload);
    await datasets.addTypedParagraph();
  }
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.chooseDataset('Markup paragraphs (3)');
  await experiments.setNumber('exp-repeats', '1');
  await experiments.createAndRun();
  await experiments.waitForStatus('completed');
  await expect(experiments.rows).toHaveCount(3);
  const first = experiments.rows.first();
  await expect(first).toContainText(SCRIPT_PAYLOADS[0] ?? '');
  await expect(experiments.outputCells(first).first()).toContainText('<script>');
  await expect(experiments.outputCells(first).nth(1)).toContainText('javascript:');
  await expect(experiments.renderedMarkup).toHaveCount(0);
  await watch.expectClean();
  // The other screens that show outputs and paragraphs (the report's appendix shows both).
  const shell = new AppShell(page);
  for (const screen of ['quality', 'roi', 'report', 'datasets'] as const) {
    await shell.goTo(screen);
    await watch.expectClean();
  }
});
