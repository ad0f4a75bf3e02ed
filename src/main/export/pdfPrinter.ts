import type { ReportViewModel } from '../../shared/report';

/**
 * Prints report view-models to PDF bytes. Two implementations: Chromium through Playwright
 * (chromiumPdf.ts: the browser host and the CLI) and Electron's printToPDF (electron/electronPdf.ts, set
 * on the core by the Electron shell). Both print the same page with the same layout.
 *
 * Printing is a session: `open()` starts the browser and loads the print page at once, so that
 * it gets ready while the caller reads the store and builds the view-model.
 */
export interface PdfPrinter {
  open(): PrintSession;
}

export interface PrintSession {
  print(vm: ReportViewModel): Promise<Uint8Array>;
  /** Always called, printed or not; never throws. */
  close(): Promise<void>;
}

/** Opens a session, prints one view-model, closes. */
export async function printOnce(printer: PdfPrinter, vm: ReportViewModel): Promise<Uint8Array> {
  const session = printer.open();
  try {
    return await session.print(vm);
  } finally {
    await session.close();
  }
}
