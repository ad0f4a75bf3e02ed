/**
 * Limits for paragraph import. They exist to keep the renderer responsive and the preview
 * readable; a file that hits one is almost always the wrong file, not a bigger dataset.
 */

// The limits main also enforces live in one place; these are the importer-only ones.
export { MAX_IMPORT_BYTES, MAX_PARAGRAPH_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../domain/limits';

/**
 * A CSV header with more columns than this is refused. Without a cap, 20 MB of commas would make
 * one row of ~20 million strings; the parser stops storing fields past the cap but keeps counting.
 */
export const MAX_CSV_COLUMNS = 1_000;

/** The preview shows warnings as a list; past this many they stop being read, so we summarise. */
export const MAX_WARNINGS = 50;

/** Length of the snippet shown next to a rejected row so the analyst can find it in their file. */
export const EXCERPT_CHARS = 80;
