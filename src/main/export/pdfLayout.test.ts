import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/report';
import { testReportInput } from '../../shared/report/testing/reportInput';
import { CONTENT_SECURITY_POLICY } from '../pages/csp';
import { electronPrintOptions, pdfLayout, playwrightPdfOptions } from './pdfLayout';

const vm = buildReport(testReportInput());

describe('the printed page', () => {
  it('numbers pages and names the experiment and the app version in the footer', () => {
    const footer = pdfLayout(vm).footerTemplate;
    expect(footer).toContain('<span class="pageNumber"></span>');
    expect(footer).toContain('<span class="totalPages"></span>');
    expect(footer).toContain(`experiment ${vm.meta.experimentId}`);
    expect(footer).toContain('Distill ROI 9.9.9');
  });

  it('escapes what goes into the footer', () => {
    const evil = { ...vm, meta: { ...vm.meta, appVersion: '<img src=x onerror=alert(1)>' } };
    expect(pdfLayout(evil).footerTemplate).not.toContain('<img');
  });

  it('gives Playwright and Electron the same page', () => {
    const layout = pdfLayout({ ...vm, meta: { ...vm.meta, paperSize: 'Letter' } });
    const p = playwrightPdfOptions(layout);
    const e = electronPrintOptions(layout);
    expect(p.format).toBe('Letter');
    expect(e.pageSize).toBe('Letter');
    expect(e.footerTemplate).toBe(p.footerTemplate);
    expect(e.margins.top * 25.4).toBeCloseTo(layout.marginsMm.top, 10);
    expect(p.margin.bottom).toBe(`${layout.marginsMm.bottom}mm`);
    expect(e.printBackground && p.printBackground).toBe(true);
  });

  it('the print page carries the same Content-Security-Policy as the app', () => {
    const html = readFileSync(join(__dirname, '../../renderer/report.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });
});
