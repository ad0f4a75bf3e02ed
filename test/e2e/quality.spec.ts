import { expect, RUNTIME_STAND_IN, test as base } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { SAMPLE_PARAGRAPHS } from './pages/DatasetsPage';
import { QualityPage } from './pages/QualityPage';

const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';
const JUDGE = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const PARAGRAPHS = SAMPLE_PARAGRAPHS;

/** The quality screen, open on the sample run's results. */
const test = base.extend<{ q: QualityPage }>({
  q: async ({ page, sampleRun }, use) => {
    void sampleRun;
    const q = new QualityPage(page);
    await q.open();
    await use(q);
  },
});

test.use(RUNTIME_STAND_IN);

test("a per-paragraph row opens that paragraph's outputs; arrow keys move between the tabs", async ({
  page,
  q,
}) => {
  // Arrow keys inside the tab list move to the next tab and show it.
  await q.tabButton('summary').focus();
  await page.keyboard.press('ArrowRight');
  await expect(q.tabButton('paragraphs')).toBeFocused();
  await expect(q.tabButton('paragraphs')).toHaveAttribute('aria-selected', 'true');

  await expect(q.paragraphRows).toHaveCount(PARAGRAPHS);
  await q.toggleParagraph(0);
  await expect(q.paragraphOutputs).toHaveCount(1);
  await expect(q.outputCells).toHaveCount(2);
  await expect(q.paragraphOutputs).toContainText('Teacher: Llama 3 70B Instruct');
  await expect(q.paragraphOutputs).toContainText('Student: Llama 3 8B Instruct');
  await q.toggleParagraph(0);
  await expect(q.paragraphOutputs).toHaveCount(0);
});

test('rate every paragraph blind with the keyboard; the ratings are in the quality view after a restart', async ({
  page,
  host,
  q,
}) => {
  await q.startRating('E2E Rater');
  await expect(q.ratingCount).toContainText(`0 of ${PARAGRAPHS} paragraphs rated`);

  const given: [number, number][] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    await expect(q.position).toHaveText(`Paragraph ${i + 1} of ${PARAGRAPHS}`);
    await expect(q.revealed('A')).toHaveCount(0);
    const a = 1 + (i % 5);
    const b = 5 - (i % 3);
    // Digit rates the highlighted output (A first), Tab switches to B, ] prefers B.
    await expect(q.output('A')).toHaveAttribute('data-focused', 'true');
    await q.keys(String(a));
    await expect(q.rating('A')).toHaveText(`rated ${a}`);
    await expect(q.revealed('A')).toHaveCount(0);
    await q.keys('Tab');
    await expect(q.output('B')).toHaveAttribute('data-focused', 'true');
    await q.keys(String(b));
    await expect(q.rating('B')).toHaveText(`rated ${b}`);
    // Still masked: the preference is asked blind too.
    await expect(q.revealed('A')).toHaveCount(0);
    await q.keys(']');
    given.push([a, b]);
    await expect(q.ratingCount).toContainText(`${i + 1} of ${PARAGRAPHS} paragraphs rated`);
    if (i < PARAGRAPHS - 1) {
      // A fully rated paragraph stays masked until the set is finished: later ratings stay blind.
      await expect(q.revealed('A')).toHaveCount(0);
      await expect(q.revealNote).toHaveCount(0);
      await q.keys('ArrowRight');
    }
  }
  // The last rating finishes the set and unmasks every paragraph at once.
  await expect(q.revealNote).toContainText(
    `Set finished: all ${PARAGRAPHS} paragraphs rated blind, models revealed`,
  );
  await expect(q.revealButton).toHaveCount(0);
  const teacherRatings: number[] = [];
  const studentRatings: number[] = [];
  let studentWasB = 0;
  for (let i = PARAGRAPHS - 1; i >= 0; i--) {
    await expect(q.position).toHaveText(`Paragraph ${i + 1} of ${PARAGRAPHS}`);
    await expect(q.unmasked).toBeVisible();
    const roleA = await q.revealed('A').textContent();
    const aIsTeacher = roleA?.startsWith('Teacher') ?? false;
    await expect(q.revealed('B')).toContainText(aIsTeacher ? 'Student' : 'Teacher');
    const [a, b] = given[i] as [number, number];
    if (aIsTeacher) studentWasB++;
    teacherRatings.push(aIsTeacher ? a : b);
    studentRatings.push(aIsTeacher ? b : a);
    await q.keys('ArrowLeft');
  }

  await host.restart();
  await new AppShell(page).open(host.url);
  await q.open();
  await expect(q.summary).toBeVisible();
  await expect(q.facts).toContainText('rated by E2E Rater');
  const mean = (xs: number[]) => (xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(2);
  await expect(q.mean('human.rating', TEACHER)).toContainText(`${mean(teacherRatings)} [`);
  await expect(q.mean('human.rating', STUDENT)).toContainText(`${mean(studentRatings)} [`);
  // B was preferred every time: a win for the student exactly where B was the student.
  await expect(q.preference('human')).toContainText(
    `${studentWasB} won, 0 tied, ${PARAGRAPHS - studentWasB} lost`,
  );

  await q.tab('rate');
  await expect(q.raterName).toHaveValue('E2E Rater');
  await q.startRatingAsEntered();
  await expect(q.ratingCount).toContainText(
    `E2E Rater: ${PARAGRAPHS} of ${PARAGRAPHS} paragraphs rated`,
  );
  await expect(q.revealed('A')).toBeVisible();
});

test('a rater who asks to see the models before finishing gets them, and the reveal is recorded', async ({
  page,
  q,
}) => {
  await q.startRating('Early Rater');
  await q.keys('4', 'Tab', '2', '[');
  await expect(q.ratingCount).toContainText(`1 of ${PARAGRAPHS} paragraphs rated`);
  await expect(q.revealed('A')).toHaveCount(0);
  // Refusing the confirmation changes nothing.
  page.once('dialog', (d) => void d.dismiss());
  await q.revealButton.click();
  await expect(q.revealed('A')).toHaveCount(0);
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await q.revealButton.click();
  await expect
    .poll(() => asked)
    .toContain(`${PARAGRAPHS - 1} of ${PARAGRAPHS} paragraphs are not fully rated`);
  await expect(q.revealNote).toContainText(
    `Models revealed on request after 1 of ${PARAGRAPHS} paragraphs; later ratings are recorded as not blind`,
  );
  await expect(q.revealed('A')).toBeVisible();
  await q.keys('ArrowRight');
  await expect(q.revealed('A')).toBeVisible();
  await expect(q.revealButton).toHaveCount(0);
});

test('a judge picked on the quality screen is priced with the overrides saved for every scenario', async ({
  page,
  host,
  sampleRun,
}) => {
  void sampleRun;
  // A negotiated price for Claude 3 Haiku, saved for every scenario (as the ROI screen saves it).
  const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
  const saved = await fetch(`${host.origin}/api/call/savePriceOverride`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: host.origin,
      'x-distill-token': host.token,
    },
    body: JSON.stringify({
      modelId: HAIKU,
      region: 'us-east-1',
      inputUsdPer1k: 0.00021,
      outputUsdPer1k: 0.00111,
      asOf: '2026-12-01',
      note: 'negotiated rate',
    }),
  });
  expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);

  // Opened after the override is saved, as a user would come to it.
  const quality = new QualityPage(page);
  await quality.open();
  await quality.tab('judge');
  await quality.pickJudge(HAIKU);
  await expect(quality.judgePriceIn).toHaveValue('0.00021');
  await expect(quality.judgePriceOut).toHaveValue('0.00111');
  await expect(quality.judgeForm).toContainText('negotiated rate');
});

test('the judge runs from the quality view: scores, a judge failure, and its cost kept apart', async ({
  page,
  host,
  standIn,
  q,
}) => {
  // One call at a time, so the stand-in's queued answers meet the judge's calls in order:
  // per paragraph, the teacher's score, the student's score, then both pairwise orders.
  const score = (f: number) =>
    JSON.stringify({ faithfulness: f, coverage: 4, conciseness: 4, fluency: 5, reason: 'ok' });
  const answers: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i === 0)
      answers.push('Looks good to me!', score(5)); // unreadable once, then answered
    else answers.push(score(5));
    if (i === 1)
      answers.push(score(9), score(0)); // out of range twice: a judge failure
    else answers.push(score(3));
    answers.push(
      '{"preferred": "A", "reason": "fuller"}',
      '{"preferred": "B", "reason": "fuller"}',
    );
  }
  await standIn.control(`models/${encodeURIComponent(JUDGE)}`, { latencyMs: 5, output: 'student' });
  await standIn.control(`outputs/${encodeURIComponent(JUDGE)}`, answers);

  await q.tab('judge');
  await q.judgeField('concurrency').fill('1');
  // Ask an unreadable item once more (the default asks once).
  await q.judgeField('answer-attempts').fill('2');
  // Unsaved edits turn Run off, and the reason is written beside it, not only in a tooltip.
  await expect(q.judgeRun).toBeDisabled();
  await expect(q.judgeRunWhy).toBeVisible();
  await expect(q.judgeRunWhy).toContainText('save');
  await q.saveJudge();
  await expect(q.judgeRun).toBeEnabled();
  await expect(q.judgeRunWhy).toBeHidden();
  const total = PARAGRAPHS * 4;
  // Before any call: every call a run makes, at the judge's catalog price.
  await expect(q.judgeEstimate).toContainText(
    `Before judging: ${total} judge calls (${PARAGRAPHS * 2} scores, ${PARAGRAPHS * 2} pairwise comparisons).`,
  );
  await expect(q.judgeEstimate).toContainText(
    /Expected \$0\.\d+ \([\d,]+ input \+ 1,920 output tokens\) · at most \$\d+\.\d+ \([\d,]+ input \+ 25,600 output tokens\)\./,
  );
  await q.judgeRun.click();
  await expect(q.judgeProgress).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(q.judgeEstimate).toContainText(
    `Nothing left to judge with these settings: all ${total} judge calls have a result.`,
  );
  await expect(q.judgeProgress).toContainText(`${total} / ${total} judge calls`);
  await expect(q.judgeProgress).toContainText(`${total - 1} answered · 1 failed`);
  await expect(q.judgeProgress).toContainText(/judge cost \$0\.\d+/);
  await expect(q.judgeFailures).toContainText('unreadable answer');
  // The run's spend is set against the estimate it started with, and a failure can be retried.
  await expect(q.judgeProgress).toContainText(/Spent \$0\.\d+ against an estimate of \$0\.\d+/);
  await expect(q.judgeRetry).toHaveText('Retry 1 failed item');
  await expect(q.judgeRetryEstimate).toContainText(
    'Before judging: 1 judge call (1 score, 0 pairwise comparisons, 1 failed item asked again)',
  );
  // The retry asks only the failed item; this time its answer can be read.
  await standIn.control(`outputs/${encodeURIComponent(JUDGE)}`, [score(3)]);
  await q.judgeRetry.click();
  await expect(q.judgeProgress).toContainText(`${total} answered · 0 failed`);
  await expect(q.judgeRetry).toHaveCount(0);
  // A price is part of a prompt version: without one, everything is to judge again, at no $0.
  await q.judgeField('price-in').fill('0');
  await q.judgeField('price-out').fill('0');
  await expect(q.judgeEstimate).toContainText(`Before judging: ${total} judge calls`);
  await expect(q.judgeNoPrice).toHaveText(
    'No judge price: enter its input and output $ / 1K tokens to see what judging would cost.',
  );
  await expect(q.judgeEstimate).not.toContainText('$0');

  await q.tab('summary');
  await expect(q.mean('judge.overall', TEACHER)).toContainText('4.50 [4.50, 4.50]');
  // The student's failed paragraph, retried, scored 3 like the others on faithfulness.
  await expect(q.mean('judge.faithfulness', STUDENT)).toContainText('3.00 [3.00, 3.00]');
  await expect(q.preference('judge')).toContainText('0 won, 0 tied, 8 lost');
  await expect(q.facts).toContainText(/judge cost \$0\.\d+/);
  await expect(q.facts).toContainText(
    `judge answers: ${total} scored, 0 unreadable, 0 without an answer`,
  );

  // ROUGE without the stemmer: a quality setting, kept after a reload.
  await expect(q.facts).toContainText('ROUGE F1 with Porter stemming');
  await q.rougeStemmed.uncheck();
  await expect(q.facts).toContainText('ROUGE F1 without stemming');
  await new AppShell(page).open(host.url);
  await q.open();
  await expect(q.facts).toContainText('ROUGE F1 without stemming');
  await expect(q.rougeStemmed).not.toBeChecked();
});
