import { z } from 'zod';
import { JUDGE_CRITERIA, type JudgeCriterion } from './metricKeys';

/**
 * Strict reading of the judge's answers. An answer is accepted only if the whole text is one
 * JSON object (optionally inside a single ```json fence) with exactly the asked-for fields and
 * every score a whole number from 1 to 5. Anything else is malformed: the caller asks once more
 * and then records a judge failure. Nothing is ever guessed from a near-miss, because a score
 * pulled out of prose would look exactly as trustworthy as a real one in every table after.
 */

const score = z.number().int().min(1).max(5);
const reason = z.string().trim().min(1).max(500);

export const ScoreAnswerSchema = z.strictObject({
  faithfulness: score,
  coverage: score,
  conciseness: score,
  fluency: score,
  reason,
});
export type ScoreAnswer = z.infer<typeof ScoreAnswerSchema>;

export const PairwiseAnswerSchema = z.strictObject({
  preferred: z.enum(['A', 'B', 'tie']),
  reason,
});
export type PairwiseAnswer = z.infer<typeof PairwiseAnswerSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const FENCE = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/;

function jsonOf(text: string): Parsed<unknown> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'The answer was empty.' };
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, problem: 'The answer is not a single JSON object.' };
  }
}

function parseWith<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  const json = jsonOf(text);
  if (!json.ok) return json;
  const r = schema.safeParse(json.value);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return {
    ok: false,
    problem: `The answer does not fit the format (${where}${first?.message ?? 'invalid'}).`,
  };
}

export const parseScoreAnswer = (text: string): Parsed<ScoreAnswer> =>
  parseWith(ScoreAnswerSchema, text);

export const parsePairwiseAnswer = (text: string): Parsed<PairwiseAnswer> =>
  parseWith(PairwiseAnswerSchema, text);

export const criterionScores = (a: ScoreAnswer): [JudgeCriterion, number][] =>
  JUDGE_CRITERIA.map((c) => [c, a[c]]);
