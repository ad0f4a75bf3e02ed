/**
 * Distillation training data as Bedrock reads it (bedrock-conversation-2024 JSONL): one record
 * per prompt, a user turn with optional system text. `checkTrainingJsonl` reads a file the way
 * Bedrock's validation step would, so a malformed line is named before a job is paid for.
 */
import { TRAINING_SCHEMA_VERSION } from './distillLimits';
import { normalizeModelId } from '../pricing/modelIds';

export interface TrainingRecord {
  schemaVersion: typeof TRAINING_SCHEMA_VERSION;
  system?: { text: string }[];
  messages: { role: 'user' | 'assistant'; content: { text: string }[] }[];
}

/** One prompt as a training record (the teacher writes the answer, so no assistant turn). */
export function trainingRecord(prompt: string, system: string | null): TrainingRecord {
  return {
    schemaVersion: TRAINING_SCHEMA_VERSION,
    ...(system ? { system: [{ text: system }] } : {}),
    messages: [{ role: 'user', content: [{ text: prompt }] }],
  };
}

/** The JSONL line of a record, newline included. */
export const trainingLine = (prompt: string, system: string | null): string =>
  `${JSON.stringify(trainingRecord(prompt, system))}\n`;

/** Llama (and Anthropic) students take only single-turn records; Nova takes conversations. */
export const singleTurnOnly = (studentId: string): boolean =>
  !normalizeModelId(studentId).modelId.startsWith('amazon.nova');

export type TrainingFileCheck =
  { ok: true; records: number } | { ok: false; line: number; message: string };

const isTextList = (v: unknown): v is { text: string }[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every(
    (c) =>
      typeof c === 'object' && c !== null && typeof (c as { text?: unknown }).text === 'string',
  );

function recordProblem(value: unknown, singleTurn: boolean): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a record must be a JSON object.';
  }
  const r = value as Record<string, unknown>;
  if (r.schemaVersion !== TRAINING_SCHEMA_VERSION) {
    return `schemaVersion must be "${TRAINING_SCHEMA_VERSION}".`;
  }
  if (r.system !== undefined && !isTextList(r.system)) {
    return 'system must be a list of {"text": ...} blocks.';
  }
  const messages = r.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return 'messages must be a non-empty list.';
  }
  for (const [i, m] of messages.entries()) {
    const msg = m as { role?: unknown; content?: unknown };
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (msg.role !== expected) return `message ${i + 1} must have role "${expected}".`;
    if (!isTextList(msg.content)) return `message ${i + 1} needs content [{"text": ...}].`;
  }
  if (singleTurn && messages.length > 2) {
    return 'this student takes single-turn records only (one user prompt, at most one answer).';
  }
  return null;
}

/** Reads a training file line by line; the first bad line is named (1-based). */
export function checkTrainingJsonl(text: string, studentId: string): TrainingFileCheck {
  const singleTurn = singleTurnOnly(studentId);
  const lines = text.split('\n');
  let records = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, line: i + 1, message: `Training file line ${i + 1}: not valid JSON.` };
    }
    const problem = recordProblem(value, singleTurn);
    if (problem)
      return { ok: false, line: i + 1, message: `Training file line ${i + 1}: ${problem}` };
    records += 1;
  }
  return { ok: true, records };
}
