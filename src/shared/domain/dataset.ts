import { z } from 'zod';
import { MAX_NAME_CHARS, MAX_PARAGRAPH_CHARS, MAX_TAG_CHARS, MAX_TAGS } from './limits';
import { codePointLength } from '../io/tags';
import { nameSchema } from './textRules';

/**
 * The limit as a message says it, built only when a message is: toLocaleString starts ICU, which
 * costs every process that loads this module (the CLI before its first call) about 8 MB.
 */
const overLimit = (what: string) => (): string =>
  `${what} can have at most ${MAX_PARAGRAPH_CHARS.toLocaleString('en-US')} characters.`;
const withinLimit = (s: string) =>
  s.length <= MAX_PARAGRAPH_CHARS || codePointLength(s) <= MAX_PARAGRAPH_CHARS;

/**
 * SQLite's length() stops at the first NUL, so a text starting with one fails the store's
 * "not empty" check as an internal error; such text only ever comes from binary data.
 */
const noNul = (s: string) => !s.includes('\u0000');
const NUL_MESSAGE =
  'cannot contain a NUL character (U+0000); the text may come from a binary file.';

export const IdSchema = z.string().min(1).max(64);

export const NameSchema = nameSchema({
  max: MAX_NAME_CHARS,
  label: 'A name',
  empty: 'A name cannot be empty.',
});

export const ParagraphTextSchema = z
  .string()
  // A code point is at most two UTF-16 units: a cheap bound checked before any other rule.
  .max(MAX_PARAGRAPH_CHARS * 2, { error: overLimit('A paragraph') })
  .refine((s) => s.trim().length > 0, 'A paragraph cannot be empty.')
  .refine(withinLimit, { error: overLimit('A paragraph') })
  .refine(noNul, `A paragraph ${NUL_MESSAGE}`);

/** An empty reference means "none": stored as null, so scoring never compares against "". */
export const ReferenceSchema = z
  .string()
  .max(MAX_PARAGRAPH_CHARS * 2, { error: overLimit('A reference summary') })
  .refine(withinLimit, { error: overLimit('A reference summary') })
  .refine(noNul, `A reference summary ${NUL_MESSAGE}`)
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s));

export const TagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(MAX_TAG_CHARS, `A tag can have at most ${MAX_TAG_CHARS} characters.`),
  )
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags per paragraph.`)
  .transform((tags) => [...new Set(tags)]);

export const DatasetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  paragraphCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const ParagraphSchema = z.object({
  id: IdSchema,
  datasetId: IdSchema,
  position: z.number().int(),
  text: z.string(),
  reference: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Experiments that ran on an older text of this paragraph (they keep showing that text). */
  olderTextIn: z.array(z.object({ experimentId: IdSchema, experimentName: z.string() })).optional(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const ParagraphInputSchema = z.strictObject({
  text: ParagraphTextSchema,
  reference: ReferenceSchema.default(null),
  tags: TagsSchema.default([]),
});
export type ParagraphInput = z.input<typeof ParagraphInputSchema>;
