import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { nameSchema } from '../domain/textRules';

/**
 * The analyst's own blind ratings. The renderer only ever sees outputs labelled A and B; which
 * model is behind a label is resolved in main and sent back only once the whole set is revealed
 * (every paragraph rated, or the rater asked), so nothing on screen or in the page's data gives
 * the answer away while ratings are still to be made: a reveal after each paragraph would teach
 * the rater which style is whose, and the later ratings would not be blind.
 */

export const RaterNameSchema = nameSchema({
  max: 80,
  label: 'A name',
  empty: 'Enter your name so that each rating says who made it.',
});

export const RatingSchema = z.number().int().min(1).max(5);
export const LabelSchema = z.enum(['A', 'B']);
export type Label = z.infer<typeof LabelSchema>;
export const BlindPreferenceSchema = z.enum(['A', 'B', 'tie']);
export type BlindPreference = z.infer<typeof BlindPreferenceSchema>;

const Role = z.enum(['teacher', 'student']);

export const RatingItemSchema = z.object({
  paragraphId: IdSchema,
  position: z.number().int(),
  text: z.string(),
  reference: z.string().nullable(),
  A: z.string(),
  B: z.string(),
  ratingA: RatingSchema.nullable(),
  ratingB: RatingSchema.nullable(),
  preferred: BlindPreferenceSchema.nullable(),
  /** Which role each label hides; null until the set is revealed (see BlindRevealSchema). */
  revealed: z.object({ A: Role, B: Role }).nullable(),
  /** When this rater last changed a rating of this paragraph. */
  ratedAt: z.string().nullable(),
});
export type RatingItem = z.infer<typeof RatingItemSchema>;

/**
 * When the rater's set was unmasked: once every paragraph is fully rated ('finished'), or
 * earlier when the rater asked ('asked', with how many were rated by then). Before it, no
 * paragraph shows which model wrote which output, so each rating stays blind.
 */
export const BlindRevealSchema = z.object({
  reason: z.enum(['finished', 'asked']),
  ratedItems: z.number().int(),
  totalItems: z.number().int(),
  revealedAt: z.string(),
});
export type BlindReveal = z.infer<typeof BlindRevealSchema>;

export const RatingSessionSchema = z.object({
  experimentId: IdSchema,
  teacherModelId: z.string(),
  studentModelId: z.string(),
  rater: z.string(),
  items: z.array(RatingItemSchema),
  /** Paragraphs left out because the teacher or the student has no successful output. */
  skipped: z.number().int(),
  reveal: BlindRevealSchema.nullable(),
});
export type RatingSession = z.infer<typeof RatingSessionSchema>;

export const isFullyRated = (i: Pick<RatingItem, 'ratingA' | 'ratingB' | 'preferred'>): boolean =>
  i.ratingA !== null && i.ratingB !== null && i.preferred !== null;
