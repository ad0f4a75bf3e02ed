/**
 * One line of a batch output file (`<input>.jsonl.out`): `{recordId, modelInput, modelOutput}`
 * for a success, with a Converse response as `modelOutput` (output.message, stopReason, usage),
 * or `{recordId, modelInput, error: {errorCode, errorMessage}}` for a failed record. A line that
 * is not JSON (a truncated file) or has no usable record id is reported, never guessed at.
 */
export type OutputLine =
  | {
      kind: 'ok';
      recordId: string;
      text: string;
      stopReason: string | null;
      inputTokens: number | null;
      outputTokens: number | null;
    }
  | { kind: 'error'; recordId: string; code: string; message: string }
  | { kind: 'unreadable'; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

function outputText(modelOutput: Record<string, unknown>): string | null {
  const output = modelOutput.output;
  const message = isObject(output) ? output.message : undefined;
  const content = isObject(message) ? message.content : undefined;
  if (!Array.isArray(content)) return null;
  const texts = content.flatMap((c) => (isObject(c) && typeof c.text === 'string' ? [c.text] : []));
  return texts.length > 0 ? texts.join('') : null;
}

export function parseOutputLine(line: string): OutputLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { kind: 'unreadable', reason: 'not a complete JSON line (the file may be truncated)' };
  }
  if (!isObject(parsed) || typeof parsed.recordId !== 'string' || parsed.recordId === '') {
    return { kind: 'unreadable', reason: 'a line without a recordId' };
  }
  const recordId = parsed.recordId;
  if (isObject(parsed.error)) {
    const code = parsed.error.errorCode;
    const message = parsed.error.errorMessage;
    return {
      kind: 'error',
      recordId,
      code: typeof code === 'number' || typeof code === 'string' ? String(code) : 'unknown',
      message: typeof message === 'string' ? message.slice(0, 2000) : 'no message given',
    };
  }
  const modelOutput = parsed.modelOutput;
  if (!isObject(modelOutput)) {
    return { kind: 'error', recordId, code: 'noOutput', message: 'The record has no modelOutput.' };
  }
  const text = outputText(modelOutput);
  if (text === null) {
    return {
      kind: 'error',
      recordId,
      code: 'noText',
      message: 'The model output has no text content (is this a Converse-type job?).',
    };
  }
  const usage = isObject(modelOutput.usage) ? modelOutput.usage : {};
  return {
    kind: 'ok',
    recordId,
    text,
    stopReason: typeof modelOutput.stopReason === 'string' ? modelOutput.stopReason : null,
    inputTokens: count(usage.inputTokens),
    outputTokens: count(usage.outputTokens),
  };
}
