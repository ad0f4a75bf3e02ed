import type { Paragraph } from '../domain/dataset';
import type { RunRecord } from '../domain/run';
import { formatNumber } from '../format';
import { modelName } from './names';
import type { Appendix } from './reportSchema';

/**
 * Paragraphs and outputs side by side, so a reader can judge a few with their own eyes. Long
 * texts are cut at a word boundary with the number of characters left out; at most
 * MAX_PARAGRAPHS rows and MAX_STUDENTS students keep the appendix to a few pages.
 */

export const APPENDIX_MAX_PARAGRAPHS = 20;
export const APPENDIX_MAX_CHARS = 300;
const MAX_STUDENTS = 2;

export function cut(
  text: string,
  max = APPENDIX_MAX_CHARS,
): { text: string; omittedChars: number } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, omittedChars: 0 };
  const slice = flat.slice(0, max);
  const space = slice.lastIndexOf(' ');
  const kept = (space > max * 0.8 ? slice.slice(0, space) : slice).trimEnd();
  return { text: `${kept}…`, omittedChars: flat.length - kept.length };
}

/** The first successful output of a model on a paragraph (lowest repeat), if any. */
function outputOf(runs: readonly RunRecord[], paragraphId: string, modelId: string): string | null {
  let best: RunRecord | null = null;
  for (const r of runs) {
    if (r.paragraphId !== paragraphId || r.modelId !== modelId || r.status !== 'ok') continue;
    if (!best || r.repeatIndex < best.repeatIndex) best = r;
  }
  return best?.outputText ?? null;
}

export function buildAppendix(
  paragraphs: readonly Paragraph[],
  runs: readonly RunRecord[],
  teacher: string,
  students: readonly string[],
): Appendix {
  const shownStudents = students.slice(0, MAX_STUDENTS);
  const models = [teacher, ...shownStudents];
  const shown = paragraphs.slice(0, APPENDIX_MAX_PARAGRAPHS);
  // ROUGE compares against these: a reader judging the outputs needs to see them too.
  const withReference = shown.some((p) => p.reference !== null);
  const rows = shown.map((p) => ({
    position: p.position + 1,
    cells: [
      cut(p.text),
      ...(withReference
        ? [p.reference === null ? { text: '(no reference)', omittedChars: 0 } : cut(p.reference)]
        : []),
      ...models.map((m) => {
        const out = outputOf(runs, p.id, m);
        return out === null ? { text: '(no successful output)', omittedChars: 0 } : cut(out);
      }),
    ],
  }));
  const left = students.length - shownStudents.length;
  const notes = [
    `Showing ${formatNumber(rows.length)} of ${formatNumber(paragraphs.length)} paragraphs, each model's first successful output.`,
    `Texts longer than ${formatNumber(APPENDIX_MAX_CHARS)} characters are cut; the cut says how many characters were left out.`,
  ];
  if (left > 0) notes.push(`${left} more student${left === 1 ? '' : 's'} not shown.`);
  return {
    columns: [
      'Paragraph',
      ...(withReference ? ['Reference summary'] : []),
      ...models.map((m) => `${modelName(m)} (${m === teacher ? 'teacher' : 'student'})`),
    ],
    rows,
    shown: rows.length,
    total: paragraphs.length,
    note: notes.join(' '),
  };
}
