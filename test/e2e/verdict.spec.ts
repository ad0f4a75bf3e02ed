import { seedConflictingEvidence, VERDICT_STUDY } from '../support/verdictSeed';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';
import { RoiPage } from './pages/RoiPage';

test.use({
  seeded: async ({ dataDir }, use) => use(await seedConflictingEvidence(dataDir)),
});

const ROUGE_REASON =
  /ROUGE against the references \(ROUGE-L F1\): student − teacher \+0\.\d{3} \[\+0\.\d{3}, \+0\.\d{3}\] on 20 paragraphs, tolerance −0\.030 \(default\); Student's t on the paired differences\. The whole interval is within tolerance\./;
const RATINGS_REASON =
  "Your blind ratings (Rating (1–5)): student − teacher −1.00 [−1.88, −0.12] on 5 paragraphs, tolerance −0.25 (default); Student's t on the paired differences; student preferred on 0 of 5. Thin evidence: 5 of the 10 paragraphs needed, leaning against the student.";
const CONFLICT =
  'Conflict: the student is within tolerance by ROUGE against the references but worse by your blind ratings.';

test('ROUGE favours the student, the blind ratings the teacher: Not yet, on screen and in the PDF', async ({
  page,
  host,
}) => {
  const roi = new RoiPage(page);
  await roi.open(host.url);
  await roi.chooseEvidence({ label: `${VERDICT_STUDY} (40 calls, completed)` });
  const verdict = roi.verdict;
  await expect(verdict).toHaveAttribute('data-verdict', 'unclear');
  await expect(roi.verdictHeading).toHaveText('Not yet: the evidence disagrees');
  await expect(verdict).toContainText(ROUGE_REASON);
  await expect(verdict).toContainText(RATINGS_REASON);
  await expect(verdict).toContainText(CONFLICT);
  await expect(roi.verdictSettle).toContainText('rate 5 more paragraphs blind');

  const report = new ReportPage(page);
  await report.open(host.url);
  await expect(report.answer).toContainText('Not yet: the evidence disagrees');
  await expect(report.answer).toContainText(RATINGS_REASON);
  await expect(report.answer).toContainText(ROUGE_REASON);
  await expect(report.verdictEvidence).toContainText('Your blind ratings · Rating (1–5)');
  await expect(report.intervalCoverage).toContainText('ROUGE-like scores');

  const text = await report.pdfText(test.info().outputPath('verdict.pdf'));
  expect(text).toContain('Not yet: the evidence disagrees');
  expect(text).toContain(RATINGS_REASON);
  expect(text).toMatch(ROUGE_REASON);
  expect(text).toContain(CONFLICT);
  expect(text).toContain('What would settle it:');
  expect(text).toContain('Measured coverage of the nominal 95% interval');
  expect(text).not.toContain('Yes: move to');
});

test('the analyst chooses what decides: with ROUGE no longer decisive, only the thin ratings remain', async ({
  page,
  host,
}) => {
  const shell = new AppShell(page);
  await shell.open(host.url);
  const quality = new QualityPage(page);
  await quality.open();
  await quality.tab('summary');
  const rouge = quality.decision('rougeReference');
  await expect(rouge).toContainText('default');
  // Saved, then shown from the report read back: click, and wait for the saved state.
  await quality.decisive('rougeReference').click();
  await expect(quality.decisive('rougeReference')).not.toBeChecked();
  await expect(rouge).toContainText('set by you');
  // A tolerance outside its range is refused with a message naming it, and nothing changes.
  await quality.tolerance('human').fill('9');
  await quality.tolerance('human').press('Enter');
  await expect(shell.alert).toContainText(
    'Tolerance for Your ratings · Rating (1–5) must be between 0 and 4 (got 9).',
  );

  const report = new ReportPage(page);
  await report.open(host.url);
  await expect(report.answer).toContainText('Not yet: too few paragraphs');
  await expect(report.answer).toContainText(RATINGS_REASON);
  await expect(report.answer).not.toContainText('Conflict:');
  await expect(report.verdictEvidence).toContainText('no (set by you)');
});
