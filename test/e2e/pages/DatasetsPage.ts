import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** Paragraphs in the sample dataset the app ships. */
export const SAMPLE_PARAGRAPHS = 8;

/** The paragraph editor as a user sees it; specs talk to this, never to raw selectors. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await new AppShell(this.page).open(url);
  }

  get addSampleButton(): Locator {
    return this.page.getByTestId('add-sample');
  }
  /** Adds the sample dataset from the first-run card. */
  async addSample(): Promise<void> {
    await this.addSampleButton.click();
    await expect(this.cards).toHaveCount(SAMPLE_PARAGRAPHS);
  }

  get firstRun(): Locator {
    return this.page.getByTestId('first-run');
  }
  /** The first-run card's step names, in order (the bold word that starts each step). */
  async firstRunStepNames(): Promise<string[]> {
    const names = await this.firstRun.locator('ol li > strong').allTextContents();
    return names.map((n) => n.replace(/\.$/, ''));
  }
  /** The screen names in the sidebar, in order. */
  async sidebarNames(): Promise<string[]> {
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button')
      .allTextContents();
  }
  get datasetList(): Locator {
    return this.page.getByTestId('dataset-list');
  }
  /** The datasets in the list, one entry each. */
  get datasets(): Locator {
    return this.datasetList.locator('li');
  }
  /** The list's own sample button, there once the first-run card has gone. */
  async addSampleFromList(): Promise<void> {
    await this.page
      .getByRole('complementary', { name: 'Datasets' })
      .getByRole('button', { name: 'Add the sample dataset' })
      .click();
  }
  get cards(): Locator {
    return this.page.getByTestId('paragraph-card');
  }
  get summary(): Locator {
    return this.page.getByTestId('dataset-summary');
  }
  get importDialog(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  /** Follows the first-run card's link to Settings. */
  async openSettingsFromFirstRun(): Promise<void> {
    await this.firstRun.getByRole('button', { name: 'Open Settings' }).click();
  }

  // One paragraph card, by its place in the list.
  paragraphEditor(n: number): Locator {
    return this.cards.nth(n).getByTestId('paragraph-text');
  }
  paragraphReference(n: number): Locator {
    return this.cards.nth(n).getByTestId('paragraph-reference');
  }
  saveState(n: number): Locator {
    return this.cards.nth(n).getByTestId('save-state');
  }
  /** The mark on a card whose text changed after it was run. */
  editedSinceRun(n: number): Locator {
    return this.cards.nth(n).getByTestId('edited-since-run');
  }
  async moveUp(n: number): Promise<void> {
    await this.cards.nth(n).getByRole('button', { name: 'Move up' }).click();
  }
  async deleteParagraph(n: number): Promise<void> {
    await this.cards.nth(n).getByTestId('delete-paragraph').click();
    await this.cards.nth(n).getByTestId('delete-paragraph-confirm').click();
  }

  // The import preview.
  get importCounts(): Locator {
    return this.importDialog.getByTestId('import-counts');
  }
  get importRejected(): Locator {
    return this.importDialog.getByTestId('import-rejected');
  }
  get importRefused(): Locator {
    return this.importDialog.getByTestId('import-refused');
  }
  get importTarget(): Locator {
    return this.importDialog.getByTestId('import-target');
  }
  get importConfirm(): Locator {
    return this.importDialog.getByTestId('import-confirm');
  }
  /** Whether keyboard focus is inside the import dialog. */
  importDialogHasFocus(): Promise<boolean> {
    return this.importDialog.evaluate((d) => d.contains(document.activeElement));
  }
  /** Picks where the import goes: an existing dataset by its name, or 'new'. */
  async chooseImportTarget(target: { label: string } | 'new'): Promise<void> {
    await this.importTarget.selectOption(target);
  }

  async createDataset(name: string): Promise<void> {
    await this.page.getByTestId('new-dataset-name').fill(name);
    await this.page.getByTestId('create-dataset').click();
    await expect(this.page.getByTestId('dataset-name')).toHaveValue(name);
    await expect(this.page.getByTestId('paragraph-list')).toHaveAttribute('aria-busy', 'false');
  }

  async selectDataset(name: string): Promise<void> {
    await this.datasetList.getByRole('button', { name: new RegExp(name) }).click();
    await expect(this.page.getByTestId('dataset-name')).toHaveValue(name);
  }

  /** Puts text into the composer at once, as a paste would. */
  async pasteParagraph(text: string): Promise<void> {
    await this.page.getByTestId('composer-text').fill(text);
  }

  async typeParagraph(text: string, reference?: string): Promise<void> {
    await this.page.getByTestId('composer-text').pressSequentially(text, { delay: 0 });
    if (reference) await this.page.getByTestId('composer-reference').fill(reference);
  }

  composerStats(): Locator {
    return this.page.getByTestId('composer-stats');
  }

  async addTypedParagraph(): Promise<void> {
    const before = await this.cards.count();
    await this.page.getByTestId('composer-add').click();
    await expect(this.cards).toHaveCount(before + 1);
  }

  async pickFile(name: string, mimeType: string, content: string | Buffer): Promise<void> {
    const file = {
      name,
      mimeType,
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    };
    // A file set on an input that React replaces in the same instant (the editor re-rendering
    // after the previous import) is lost, as it would be for a person who picked a file at that
    // instant: pick it again until the dialog opens.
    await expect(async () => {
      await this.page.getByTestId('import-file-input').first().setInputFiles(file);
      await this.importDialog.waitFor({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }

  /** Drops a file the way a file manager would: a real DataTransfer on the editor pane. */
  async dropFile(name: string, content: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], fileName, { type: 'text/plain' }));
        return dt;
      },
      [name, content] as const,
    );
    const target = this.page.getByLabel('Dataset editor');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await this.importDialog.waitFor();
  }

  async confirmImport(): Promise<void> {
    await this.importConfirm.click();
    await expect(this.importDialog).toHaveCount(0);
  }

  async cancelImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.importDialog).toHaveCount(0);
  }

  cardTexts(): Promise<string[]> {
    return this.page
      .getByTestId('paragraph-text')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  }
}
