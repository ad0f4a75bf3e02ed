/**
 * Rules for the short texts people type (names, notes, sources) on their way into main: a
 * length bound (so one call cannot store megabytes that every later list returns), NFC (so
 * `Café` typed on a Mac and on Windows is one name), no NUL (SQLite's length() stops at it,
 * which turned into an internal error), and names that are more than invisible characters
 * (`Base` and `Base` + a zero-width space are one name; a name of only zero-width spaces is
 * no name).
 */
import { z } from 'zod';

export const MAX_NOTE_CHARS = 2_000;
/** Where a figure comes from: a URL or a short citation. */
export const MAX_SOURCE_CHARS = 500;
/** Model ids, inference-profile ids and ARNs; Bedrock's own limit for an ARN. */
export const MAX_MODEL_ID_CHARS = 2_048;
/** Region codes are short (`us-gov-west-1`); the bound only stops a pasted document. */
export const MAX_REGION_CHARS = 32;

/** Characters with no width and no meaning in a name, dropped wherever they stand. */
const INVISIBLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x2060, 0x3164, 0xfeff,
]);
/**
 * At the ends, also the other default-ignorable code points (joiners, bidi marks): inside a
 * name a joiner can be part of an emoji, at its ends it is only a way to make a look-alike.
 */
const IGNORABLE_ENDS =
  /^[\p{Default_Ignorable_Code_Point}\s]+|[\p{Default_Ignorable_Code_Point}\s]+$/gu;

/** The form a name is stored and compared in. */
export function canonicalName(raw: string): string {
  const visible = [...raw.normalize('NFC')].filter((c) => !INVISIBLE.has(c.codePointAt(0) ?? 0));
  return visible.join('').replace(IGNORABLE_ENDS, '');
}

export const hasNoNul = (s: string): boolean => !s.includes('\u0000');

/** A name: canonical, not empty once invisible characters are gone, at most `max` characters. */
export function nameSchema(options: { max: number; label: string; empty: string }) {
  return z
    .string()
    .max(options.max * 4, `${options.label} can have at most ${options.max} characters.`)
    .transform(canonicalName)
    .pipe(
      z
        .string()
        .min(1, options.empty)
        .max(options.max, `${options.label} can have at most ${options.max} characters.`)
        .refine(hasNoNul, `${options.label} cannot contain a NUL character (U+0000).`),
    );
}

/** A free text such as a note or a source: trimmed, NFC, bounded, without NUL. */
export function noteSchema(options: { max: number; label: string }) {
  return z
    .string()
    .max(options.max, `${options.label} can have at most ${options.max} characters.`)
    .refine(hasNoNul, `${options.label} cannot contain a NUL character (U+0000).`)
    .transform((s) => s.normalize('NFC').trim());
}
