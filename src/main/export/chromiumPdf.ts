import { realpathSync } from 'node:fs';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import type { ReportViewModel } from '../../shared/report';
import { AppFailure } from '../common/failure';
import { pdfLayout, playwrightPdfOptions } from './pdfLayout';
import { printOnce, type PdfPrinter, type PrintSession } from './pdfPrinter';
import { findRendererDir, REPORT_PAGE } from '../pages/rendererDir';
import { readRendererFile } from '../pages/rendererFiles';

/**
 * Prints a report with the system's Chromium through playwright-core (the browser host and the
 * CLI; the Electron app prints with its own Chromium, electron/electronPdf.ts). The print page is the
 * built renderer's report.html, served to the page by request interception from a made-up
 * origin: no port is opened and nothing outside the renderer folder can be fetched. The page
 * renders the view-model it is handed, then Chromium prints it.
 */

const ORIGIN = 'http://report.distill-roi.invalid';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface ReportWindow {
  distillReport?: { render(vm: unknown): Promise<void> };
}

function serveFrom(root: string) {
  return async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    // The same reader (and the same headers, CSP included) as the host and the app:// protocol.
    const file = await readRendererFile(root, url.pathname);
    await route.fulfill({ status: file.status, headers: file.headers, body: file.body });
  };
}

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (e) {
    const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : '';
    throw new AppFailure(
      'internal',
      `Chromium could not start to print the PDF (${executablePath}). Install Chromium or point CHROMIUM_PATH at it. ${why}`.trim(),
    );
  }
}

/** The browser with the print page loaded and waiting for a view-model. */
async function ready(rendererDir: string): Promise<{ browser: Browser; page: Page }> {
  const root = realpathSync(rendererDir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.route('**/*', serveFrom(root));
    await page.goto(`${ORIGIN}/${REPORT_PAGE}`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as ReportWindow).distillReport !== undefined);
    return { browser, page };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

export function openChromiumSession(rendererDir = findRendererDir()): PrintSession {
  const opened = ready(rendererDir);
  // Held here so a session closed before printing never leaves an unhandled rejection.
  opened.catch(() => undefined);
  return {
    async print(vm) {
      const { page } = await opened;
      await page.evaluate((model) => (globalThis as ReportWindow).distillReport?.render(model), vm);
      await page.locator('[data-report-state="ready"]').waitFor({ timeout: 30_000 });
      return page.pdf(playwrightPdfOptions(pdfLayout(vm)));
    },
    async close() {
      const browser = await opened.then(
        (o) => o.browser,
        () => null,
      );
      await browser?.close().catch(() => undefined);
    },
  };
}

export const chromiumPrinter: PdfPrinter = { open: () => openChromiumSession() };

/** One report, one browser: for tests and tools that already hold the view-model. */
export const printWithChromium = async (
  vm: ReportViewModel,
  rendererDir?: string,
): Promise<Buffer> =>
  Buffer.from(await printOnce({ open: () => openChromiumSession(rendererDir) }, vm));
