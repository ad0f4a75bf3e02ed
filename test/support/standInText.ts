/**
 * Deterministic text for the stand-in: token counts and "summaries" built from the prompt's
 * own words, so that ROUGE between a teacher's and a student's answers means something
 * (the student's words are a subsequence of the teacher's) and is stable across runs.
 */
import type { ConverseBody, OutputGenerator, OutputStyleName } from './standInTypes';

export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** The text of every system block and every message, in order. */
export function allPromptText(body: ConverseBody | undefined): string {
  const parts: string[] = [];
  for (const s of body?.system ?? []) if (typeof s.text === 'string') parts.push(s.text);
  for (const m of body?.messages ?? []) {
    for (const c of m.content ?? []) if (typeof c.text === 'string') parts.push(c.text);
  }
  return parts.join('\n');
}

/** The text of the last user message: what a summary is "about". */
export function lastUserText(body: ConverseBody | undefined): string {
  const users = (body?.messages ?? []).filter((m) => m.role === 'user');
  const last = users[users.length - 1];
  return (last?.content ?? []).map((c) => c.text ?? '').join('\n');
}

/** Default input token count: one token per whitespace-separated word of the prompt. */
export function countInputTokens(body: ConverseBody | undefined): number {
  return words(allPromptText(body)).length;
}

/** Strips a leading instruction such as "Summarize the following text:" if present. */
function sourceWords(body: ConverseBody): string[] {
  const text = lastUserText(body);
  const colon = text.indexOf(':');
  const rest = colon >= 0 && colon < 80 ? text.slice(colon + 1) : text;
  return words(rest.trim().length > 0 ? rest : text);
}

/** Teacher: a long summary, the first 60 source words behind a lead-in. */
const teacher: OutputGenerator = (body) =>
  ['Summary:', ...sourceWords(body).slice(0, 60)].join(' ');

/** Student: a short summary, every other source word of the teacher's span, at most 24. */
const student: OutputGenerator = (body) =>
  [
    'In short:',
    ...sourceWords(body)
      .slice(0, 48)
      .filter((_, i) => i % 2 === 0),
  ].join(' ');

/** Echo: the last user message as it was sent. */
const echo: OutputGenerator = (body) => lastUserText(body);

export const OUTPUT_STYLES: Record<OutputStyleName, OutputGenerator> = { teacher, student, echo };

/** Keeps at most `maxTokens` words (the stand-in's notion of a token). */
export function truncateToTokens(text: string, maxTokens: number): { text: string; cut: boolean } {
  const all = words(text);
  if (all.length <= maxTokens) return { text, cut: false };
  return { text: all.slice(0, Math.max(0, maxTokens)).join(' '), cut: true };
}

/**
 * Splits text into `n` non-empty pieces whose concatenation is exactly `text`. Splits at word
 * boundaries when there are enough words, else at characters; `n` shrinks for tiny texts.
 */
export function splitIntoChunks(text: string, n: number): string[] {
  if (text.length === 0) return [''];
  const tokens = text.match(/\S+\s*|\s+/g) ?? [text];
  const units = tokens.length >= n ? tokens : Array.from(text);
  const count = Math.max(1, Math.min(n, units.length));
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * units.length) / count);
    const to = Math.floor(((i + 1) * units.length) / count);
    pieces.push(units.slice(from, to).join(''));
  }
  return pieces;
}
