import type {
  BrowserWindowConstructorOptions,
  PrintToPDFOptions,
  SaveDialogOptions,
} from 'electron';
import type { ReportViewModel } from '../../shared/report';
import { electronPrintOptions, pdfLayout } from '../export/pdfLayout';
import type { PdfPrinter } from '../export/pdfPrinter';
import { appPageUrl } from './appProtocol';
import { REPORT_PAGE } from '../pages/rendererDir';

/**
 * The Electron side of exports, kept thin (its pure parts are pdfLayout.ts): printing a report
 * with the app's own Chromium in a hidden, sandboxed window, and a save dialog for every file the
 * renderer downloads (PDF, CSV, bundle), so the user chooses where and is asked before a file is
 * replaced.
 */

/** The parts of a BrowserWindow the printer uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<unknown>;
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

export type PrintWindowClass = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/** The part of a Session the download prompt uses. */
export interface DownloadSession {
  on(
    event: 'will-download',
    listener: (
      event: unknown,
      item: { setSaveDialogOptions(options: SaveDialogOptions): void; getFilename(): string },
    ) => void,
  ): unknown;
}

export function createElectronPdfPrinter(BrowserWindow: PrintWindowClass): PdfPrinter {
  return {
    open() {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      // The shell's app:// protocol serves the print page, with the app's CSP.
      const loaded = win.loadURL(appPageUrl(REPORT_PAGE));
      loaded.catch(() => undefined);
      return {
        async print(vm: ReportViewModel) {
          await loaded;
          // The view-model is JSON, which is valid JavaScript; the page renders it and resolves when ready.
          await win.webContents.executeJavaScript(
            `window.distillReport.render(${JSON.stringify(vm)})`,
          );
          return win.webContents.printToPDF(electronPrintOptions(pdfLayout(vm)));
        },
        async close() {
          if (!win.isDestroyed()) win.destroy();
        },
      };
    },
  };
}

export function askWhereToSaveDownloads(session: DownloadSession): void {
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Save export', defaultPath: item.getFilename() });
  });
}
