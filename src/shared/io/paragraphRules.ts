import type { AcceptedParagraph, RejectedRow } from './importPreview';
import { EXCERPT_CHARS, MAX_PARAGRAPH_CHARS, MAX_TAG_CHARS, MAX_TAGS } from './limits';
import { codePointLength, normaliseTags } from './tags';

/**
 * The rules every format shares once it has pulled out text, reference and tags, so TXT, CSV and
 * JSONL cannot drift apart on what counts as an acceptable paragraph.
 */
export interface ParagraphCandidate {
  line: number;
  text: string;
  reference: string | null;
  rawTags: readonly string[];
  /** What to show if the row is rejected: the raw line or row, not the cleaned text. */
  excerptSource: string;
}

export type ParagraphCheck =
  | { ok: true; paragraph: AcceptedParagraph; warnings: string[] }
  | { ok: false; rejection: RejectedRow };

export function checkParagraph(candidate: ParagraphCandidate): ParagraphCheck {
  const { line } = candidate;
  const reject = (reason: string): ParagraphCheck => ({
    ok: false,
    rejection: { line, reason, excerpt: makeExcerpt(candidate.excerptSource) },
  });

  const text = candidate.text.trim();
  if (text === '') return reject('The paragraph text is empty.');
  // The store (and every tool downstream) treats U+0000 as the end of the text.
  if (text.includes('\u0000') || candidate.reference?.includes('\u0000')) {
    return reject('The paragraph contains NUL characters (U+0000): is this a binary file?');
  }
  const textLength = exceedsLimit(text);
  if (textLength !== null) {
    return reject(
      `The paragraph is ${formatCount(textLength)} characters; the limit is ${formatCount(MAX_PARAGRAPH_CHARS)}.`,
    );
  }

  const trimmedReference = candidate.reference?.trim() ?? '';
  const reference = trimmedReference === '' ? null : trimmedReference;
  if (reference !== null) {
    const referenceLength = exceedsLimit(reference);
    if (referenceLength !== null) {
      return reject(
        `The reference is ${formatCount(referenceLength)} characters; the limit is ${formatCount(MAX_PARAGRAPH_CHARS)}.`,
      );
    }
  }

  const { tags, droppedTooLong, droppedOverLimit } = normaliseTags(candidate.rawTags);
  const warnings: string[] = [];
  if (droppedTooLong > 0) {
    warnings.push(
      `Line ${line}: dropped ${plural(droppedTooLong, 'tag')} longer than ${MAX_TAG_CHARS} characters.`,
    );
  }
  if (droppedOverLimit > 0) {
    warnings.push(
      `Line ${line}: kept the first ${MAX_TAGS} tags and dropped ${plural(droppedOverLimit, 'tag')}.`,
    );
  }
  return { ok: true, paragraph: { line, text, reference, tags }, warnings };
}

/** Returns the length in characters if over the limit, else null (cheap for the common case). */
function exceedsLimit(text: string): number | null {
  // UTF-16 length is never below the code point count, so short strings skip the full count.
  if (text.length <= MAX_PARAGRAPH_CHARS) return null;
  const length = codePointLength(text);
  return length > MAX_PARAGRAPH_CHARS ? length : null;
}

/** One-line snippet: newlines and tabs shown as spaces, cut at EXCERPT_CHARS code points. */
export function makeExcerpt(source: string): string {
  // Only look at the start: a rejected JSONL line can be megabytes long.
  const lookAhead = EXCERPT_CHARS * 4;
  const cut = source.length > lookAhead;
  const flat = source.slice(0, lookAhead).replace(/\s+/g, ' ').trim();
  // Iterating by code point so an emoji is never cut in half.
  let out = '';
  let count = 0;
  for (const char of flat) {
    if (count === EXCERPT_CHARS) return `${out}…`;
    out += char;
    count += 1;
  }
  return cut ? `${out}…` : out;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Gathers checked paragraphs for one file; shared so every format reports the same way. */
export function createCollector(): {
  accepted: AcceptedParagraph[];
  rejected: RejectedRow[];
  warnings: string[];
  add: (check: ParagraphCheck) => void;
  reject: (line: number, reason: string, excerptSource: string) => void;
} {
  const accepted: AcceptedParagraph[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  return {
    accepted,
    rejected,
    warnings,
    add(check) {
      if (check.ok) {
        accepted.push(check.paragraph);
        warnings.push(...check.warnings);
      } else {
        rejected.push(check.rejection);
      }
    },
    reject(line, reason, excerptSource) {
      rejected.push({ line, reason, excerpt: makeExcerpt(excerptSource) });
    },
  };
}
