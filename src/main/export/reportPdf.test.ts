/**
 * The PDF end to end: a fixture experiment with two saved scenarios, the report view-model built
 * from the store, printed by Chromium from the built print page; then poppler reads it back.
 * Needs the built renderer (out/renderer/report.html: `npm run build`) and Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedReportExperiment,
  REPORT_STUDENT as REPORT_STUDENT_ONE,
  REPORT_STUDENT2,
  type ReportFixture,
} from '../../../test/support/reportFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { buildReport, type ReportViewModel } from '../../shared/report';
import { printWithChromium } from './chromiumPdf';
import { loadReportInput } from './reportData';

const temp = makeTempDir('distill-report-pdf-');
// Kept after the run (under .tmp) so the pages can be looked at: REPORT_PAGES_DIR overrides.
const pagesDir = process.env.REPORT_PAGES_DIR ?? resolve(__dirname, '../../../.tmp/report-pages');

let db: Database;
let fixture: ReportFixture;
let vm: ReportViewModel;
let text: string;
let pdfFile: string;

const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** pdftotext breaks lines and pads columns: compare with runs of spaces made single. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ db } = await openDatabase(join(temp.dir, 'distill-roi.sqlite')));
  fixture = seedReportExperiment(db, {
    paragraphs: 24,
    students: [REPORT_STUDENT_ONE, REPORT_STUDENT2],
  });
  vm = buildReport(
    loadReportInput(db, fixture.experimentId, {
      scenarioIds: fixture.scenarioIds,
      includeAppendix: true,
      paperSize: 'A4',
    }),
  );
  const pdf = await printWithChromium(vm);
  pdfFile = join(temp.dir, 'report.pdf');
  writeFileSync(pdfFile, pdf);
  text = pdftotext(pdfFile);
}, 60_000);

afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('the PDF report', () => {
  it('answers the question on the cover', () => {
    expect(vm.cover.question).toBe('Move summarization from Llama 3 70B to Llama 3 8B?');
    expect(flat(text)).toContain(vm.cover.question);
    expect(flat(text)).toContain(vm.cover.answer);
    expect(flat(text)).toContain(vm.meta.generatedOn);
    expect(flat(text)).toContain('us-east-1');
  });

  it('prints every figure of the view-model, as the view-model formats it', () => {
    const all = flat(text);
    const figures = [...vm.summary.figures, ...vm.scenarios.flatMap((s) => s.figures)];
    for (const f of figures) expect(all, f.key).toContain(f.text);
    expect(all).toContain(vm.summary.recommendation.slice(0, 60));
  });

  it('lists every price source and date, and marks overrides', () => {
    const all = flat(text);
    const prices = [...vm.assumptions.experimentPrices, ...vm.scenarios.flatMap((s) => s.prices)];
    for (const p of prices) {
      expect(all).toContain(flat(p.source));
      expect(all).toContain(p.asOf);
    }
    expect(prices.some((p) => p.overridden)).toBe(true);
    expect(all).toContain('overridden');
  });

  it('numbers every page in the footer, with the experiment id and the app version', () => {
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(7);
    pages.forEach((page, i) => {
      expect(flat(page)).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(flat(page)).toContain(`experiment ${vm.meta.experimentId}`);
    });
    expect(flat(text)).toContain(`Distill ROI ${vm.meta.appVersion}`);
  });

  it('renders every page to PNG without an error', () => {
    rmSync(pagesDir, { recursive: true, force: true });
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(pagesDir, 'a4')]);
    copyFileSync(pdfFile, join(pagesDir, 'report-a4.pdf'));
    const pngs = readdirSync(pagesDir).filter((f) => f.startsWith('a4') && f.endsWith('.png'));
    expect(pngs.length).toBe(text.split('\f').filter((p) => p.trim() !== '').length);
  });

  it('prints on US Letter too, numbered the same way', async () => {
    const letter = await printWithChromium({ ...vm, meta: { ...vm.meta, paperSize: 'Letter' } });
    const file = join(temp.dir, 'letter.pdf');
    writeFileSync(file, letter);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const pages = pdftotext(file)
      .split('\f')
      .filter((p) => p.trim() !== '');
    pages.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} of ${pages.length}`));
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(pagesDir, 'letter')]);
    copyFileSync(file, join(pagesDir, 'report-letter.pdf'));
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
  }, 30_000);
});
