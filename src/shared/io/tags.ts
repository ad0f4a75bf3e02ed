import { MAX_TAG_CHARS, MAX_TAGS } from './limits';

/**
 * Separators inside one tags cell (CSV) or tags string (JSONL): `;` and `|`. Not `,`: it is the CSV
 * delimiter, so comma-separated tags would need quoting that spreadsheets often get wrong, and a
 * stray unquoted comma would silently shift every column after it.
 */
const TAG_SEPARATOR = /[;|]/;

export function splitTagString(value: string): string[] {
  return value.split(TAG_SEPARATOR);
}

export interface NormalisedTags {
  tags: string[];
  /** Tags longer than MAX_TAG_CHARS: dropped, not truncated, since a cut tag is a different tag. */
  droppedTooLong: number;
  /** Distinct tags beyond the first MAX_TAGS. */
  droppedOverLimit: number;
}

/**
 * Trim, collapse inner whitespace, drop empties, and dedupe case-insensitively keeping the first
 * spelling ("Finance" and "finance" filter the same paragraphs, so they are one tag).
 */
export function normaliseTags(raw: readonly string[]): NormalisedTags {
  const tags: string[] = [];
  const seen = new Set<string>();
  let droppedTooLong = 0;
  let droppedOverLimit = 0;
  for (const candidate of raw) {
    const tag = candidate.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (codePointLength(tag) > MAX_TAG_CHARS) {
      droppedTooLong += 1;
      continue;
    }
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (tags.length >= MAX_TAGS) {
      droppedOverLimit += 1;
      continue;
    }
    tags.push(tag);
  }
  return { tags, droppedTooLong, droppedOverLimit };
}

/** Counts characters as people see them in most cases (code points, so an emoji is 1, not 2). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
