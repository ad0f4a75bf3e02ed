import type { Locator, Page } from '@playwright/test';

/** The batch section of the experiment form and the batch job panel. */
export class BatchPanel {
  constructor(private readonly page: Page) {}

  async enable(s3Uri: string, roleArn: string): Promise<void> {
    await this.page.getByTestId('batch-enabled').check();
    await this.page.getByTestId('batch-s3').fill(s3Uri);
    await this.page.getByTestId('batch-role').fill(roleArn);
  }

  /** Ticks "Run as Bedrock batch jobs" and leaves the fields as they are (prefilled). */
  async check(): Promise<void> {
    await this.page.getByTestId('batch-enabled').check();
  }
  get s3Field(): Locator {
    return this.page.getByTestId('batch-s3');
  }
  get roleField(): Locator {
    return this.page.getByTestId('batch-role');
  }
  /** Says whether the fields were prefilled from Settings › Batch inference. */
  get savedNote(): Locator {
    return this.page.getByTestId('batch-saved-note');
  }

  /** The batch section of the experiment form. */
  get fields(): Locator {
    return this.page.getByTestId('batch-fields');
  }
  /**
   * The vertical space between the section's fields (each label under the field above), and the
   * horizontal space between its model boxes, in px.
   */
  fieldSpacing(): Promise<{ fields: number[]; models: number[] }> {
    return this.fields.evaluate((set) => {
      const gaps = (els: Element[], side: 'vertical' | 'horizontal') =>
        els.slice(1).map((el, i) => {
          const a = (els[i] as Element).getBoundingClientRect();
          const b = el.getBoundingClientRect();
          return Math.round(side === 'vertical' ? b.top - a.bottom : b.left - a.right);
        });
      return {
        fields: gaps([...set.querySelectorAll(':scope > .field')], 'vertical'),
        models: gaps([...set.querySelectorAll('[role="group"] label')], 'horizontal'),
      };
    });
  }
  /** The form's "Run as Bedrock batch jobs" box. */
  get enabledBox(): Locator {
    return this.page.getByTestId('batch-enabled');
  }
  /** Why the app refused to send the new experiment to batch. */
  get refusal(): Locator {
    return this.page.getByTestId('experiment-setup').getByTestId('error-banner');
  }
  get onDemandInstead(): Locator {
    return this.page.getByTestId('batch-use-on-demand');
  }
  /** Presses "Run on demand instead" beside a below-the-minimum refusal. */
  async useOnDemand(): Promise<void> {
    await this.onDemandInstead.click();
  }
  get problems(): Locator {
    return this.page.getByTestId('batch-problem');
  }
  get panel(): Locator {
    return this.page.getByTestId('batch-panel');
  }
  /** What the panel says of the batch plan: why the quotas were not read, where they came from. */
  get planNotes(): Locator {
    return this.page.getByTestId('batch-plan-note');
  }
  /** The jobs table, inside its own sideways-scrolling box. */
  get jobsTable(): Locator {
    return this.page.getByTestId('batch-jobs');
  }
  /** Each job's model cell ("Llama 3 70B · part 1"). */
  get modelCells(): Locator {
    return this.page.getByTestId('batch-job-model');
  }
  /** How many lines each model cell's text takes. */
  modelCellLines(): Promise<number[]> {
    return BatchPanel.lines(this.modelCells);
  }
  /** The commands the job notes name, shown as code. */
  get noteCommands(): Locator {
    return this.page.getByTestId('batch-note-command');
  }
  /** How many lines each command in the notes takes. */
  noteCommandLines(): Promise<number[]> {
    return BatchPanel.lines(this.noteCommands);
  }
  /** How many lines each element's text takes: the distinct tops of its line boxes. */
  private static lines(elements: Locator): Promise<number[]> {
    return elements.evaluateAll((all) =>
      all.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
  }
  get jobStatuses(): Locator {
    return this.page.getByTestId('batch-job-status');
  }
  get stored(): Locator {
    return this.page.getByTestId('batch-job-stored');
  }
  get batchLatency(): Locator {
    return this.page.getByTestId('batch-latency');
  }
  /** Why the app stopped following the jobs, with Resume beside it. */
  get trackingStopped(): Locator {
    return this.page.getByTestId('batch-tracking-stopped');
  }
  /** Each job's note: what its end left behind and what collection recovered. */
  get jobNotes(): Locator {
    return this.page.getByTestId('batch-job-note');
  }
  get stopButton(): Locator {
    return this.page.getByTestId('batch-stop');
  }
  /** The confirmation Stop asks for, in place of the button. */
  get stopConfirmation(): Locator {
    return this.page.getByTestId('batch-stop-confirm');
  }
  /** Presses Stop; the jobs are stopped only once confirmed. */
  async requestStop(): Promise<void> {
    await this.stopButton.click();
  }
  async confirmStop(): Promise<void> {
    await this.stopConfirmation.click();
  }
  async keepRunning(): Promise<void> {
    await this.page.getByTestId('batch-stop-cancel').click();
  }
  async resumeTracking(): Promise<void> {
    await this.page.getByTestId('batch-resume').click();
  }
}
