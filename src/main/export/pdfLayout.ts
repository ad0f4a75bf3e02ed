import type { ReportViewModel } from '../../shared/report';

/**
 * The printed page as data, shared by both printers (Playwright's page.pdf in the browser host
 * and the CLI, Electron's printToPDF in the app), so a report looks the same whichever printed
 * it: paper size, margins, and Chromium's header/footer templates with the page number, the
 * experiment's id and the app's version. Templates are inline HTML printed in the margin; they
 * need their own font size and colours because no page style reaches them.
 */

export interface PdfLayout {
  format: 'A4' | 'Letter';
  marginsMm: { top: number; bottom: number; left: number; right: number };
  headerTemplate: string;
  footerTemplate: string;
}

const MARGINS = { top: 12, bottom: 14, left: 15, right: 15 };

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function footerTemplate(vm: ReportViewModel): string {
  const left = `Distill ROI ${escapeHtml(vm.meta.appVersion)} · experiment ${escapeHtml(vm.meta.experimentId)}`;
  return `<div style="width:100%;margin:0 15mm;font-family:'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif;font-size:7.5px;color:#6b7380;display:flex;justify-content:space-between;-webkit-print-color-adjust:exact"><span>${left}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

export function pdfLayout(vm: ReportViewModel): PdfLayout {
  return {
    format: vm.meta.paperSize,
    marginsMm: MARGINS,
    // An empty element, not an empty string: Chromium prints its own date and title otherwise.
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(vm),
  };
}

const MM_PER_INCH = 25.4;

/** Electron's printToPDF takes the same templates but margins in inches and `pageSize`. */
export function electronPrintOptions(layout: PdfLayout) {
  const inches = (mm: number) => mm / MM_PER_INCH;
  return {
    pageSize: layout.format,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margins: {
      top: inches(layout.marginsMm.top),
      bottom: inches(layout.marginsMm.bottom),
      left: inches(layout.marginsMm.left),
      right: inches(layout.marginsMm.right),
    },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** Playwright's page.pdf options for the same layout. */
export function playwrightPdfOptions(layout: PdfLayout) {
  const mm = (x: number) => `${x}mm`;
  return {
    format: layout.format,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margin: {
      top: mm(layout.marginsMm.top),
      bottom: mm(layout.marginsMm.bottom),
      left: mm(layout.marginsMm.left),
      right: mm(layout.marginsMm.right),
    },
    tagged: true,
    outline: true,
  };
}
