import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ReportViewModel } from '../../../../../shared/report/reportSchema';
import { REPORT_VERSION } from '../../../../../shared/report/version';
import { ReportDocument } from '../ReportDocument';
import '../../../styles.css';

/**
 * The print page (report.html): renders the one view-model a printer hands it, then marks the
 * page ready. Printers (Playwright in the browser host and CLI, Electron's printToPDF in the
 * app) call `window.distillReport.render(vm)` and wait for `data-report-state="ready"`.
 */

declare global {
  interface Window {
    distillReport?: { render(vm: unknown): Promise<void> };
  }
}

const container = document.getElementById('root') as HTMLElement;
const root = createRoot(container);

window.distillReport = {
  async render(raw: unknown) {
    container.removeAttribute('data-report-state');
    // Printers hand over a view-model main has just built (not user input): checking its version
    // is enough, and keeps zod out of the print page, which loads once per PDF.
    const vm = raw as ReportViewModel;
    if (vm?.version !== REPORT_VERSION) throw new Error('Not a report view-model of this version.');
    document.title = `${vm.cover.question} · Distill ROI`;
    flushSync(() => root.render(<ReportDocument vm={vm} />));
    await document.fonts.ready;
    container.setAttribute('data-report-state', 'ready');
  },
};
