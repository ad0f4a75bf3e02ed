import { BrowserWindow, type Session } from 'electron';
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

export function createElectronPdfPrinter(): PdfPrinter {
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

export function askWhereToSaveDownloads(session: Session): void {
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Save export', defaultPath: item.getFilename() });
  });
}
