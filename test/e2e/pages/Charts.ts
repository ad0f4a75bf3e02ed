import type { Locator, Page } from '@playwright/test';

/**
 * The charts on whatever screen is open. Two kinds, split by medium: screen charts (chart.js on
 * a canvas, `figure.chart-box`, their figures in a folded table) on the quality and ROI screens,
 * and print charts (SVG, `figure.rpt-chart`, their figures in a printed note) in the report's
 * preview and its PDF.
 */
export class Charts {
  constructor(readonly page: Page) {}

  static readonly SCREEN = 'main figure.chart-box';
  static readonly PRINT = 'main figure.rpt-chart';

  get screen(): Locator {
    return this.page.locator(Charts.SCREEN);
  }
  get print(): Locator {
    return this.page.locator(Charts.PRINT);
  }
  /** The drawing, labelled as an image for screen readers. */
  drawing(chart: Locator): Locator {
    return chart.locator('[role="img"][aria-label]').first();
  }
  /** A screen chart's figures, as a table. */
  figuresTable(chart: Locator): Locator {
    return chart.locator('details.chart-figures table');
  }
  async openFigures(chart: Locator): Promise<void> {
    await chart.locator('details.chart-figures summary').click();
  }
  dataRows(table: Locator): Locator {
    return table.locator('tbody tr');
  }
  columnHeads(table: Locator): Locator {
    return table.locator('th[scope="col"]');
  }
  /** A print chart's figures, written under it. */
  printedNote(chart: Locator): Locator {
    return chart.locator('.rpt-chart-note');
  }
}
