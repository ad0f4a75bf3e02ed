import { describe, expect, it } from 'vitest';
import { parseManifest, reconcile } from './manifest';
import { parseOutputLine } from './outputLine';

describe('parseOutputLine', () => {
  it('reads a Converse-type success line', () => {
    const line = JSON.stringify({
      recordId: '1-0-p1',
      modelInput: { messages: [] },
      modelOutput: {
        output: { message: { role: 'assistant', content: [{ text: 'A ' }, { text: 'summary.' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 57, outputTokens: 41, totalTokens: 98 },
        metrics: { latencyMs: 812 },
      },
    });
    expect(parseOutputLine(line)).toEqual({
      kind: 'ok',
      recordId: '1-0-p1',
      text: 'A summary.',
      stopReason: 'end_turn',
      inputTokens: 57,
      outputTokens: 41,
    });
  });

  it('reads a record error with its code and message', () => {
    const line =
      '{"recordId":"0-1-p","modelInput":{},"error":{"errorCode":400,"errorMessage":"bad request"}}';
    expect(parseOutputLine(line)).toEqual({
      kind: 'error',
      recordId: '0-1-p',
      code: '400',
      message: 'bad request',
    });
  });

  it('reports a truncated line and a line without recordId as unreadable', () => {
    expect(parseOutputLine('{"recordId":"0-0-p","modelOutput":{"outp').kind).toBe('unreadable');
    expect(parseOutputLine('{"modelOutput":{}}').kind).toBe('unreadable');
  });

  it('a native (non-Converse) output has no text: a failed call, not a guess', () => {
    const line = '{"recordId":"0-0-p","modelOutput":{"generation":"Positive"}}';
    expect(parseOutputLine(line)).toMatchObject({ kind: 'error', code: 'noText' });
  });
});

describe('manifest reconciliation', () => {
  const manifest = parseManifest(
    '{"totalRecordCount":100,"processedRecordCount":100,"successRecordCount":98,"errorRecordCount":2,"inputTokenCount":5,"outputTokenCount":6}',
  );

  it('agrees when the output matches', () => {
    expect(reconcile(manifest, { submitted: 100, ok: 98, errors: 2, unreadable: 0 })).toEqual([]);
  });

  it('says how they disagree', () => {
    expect(reconcile(manifest, { submitted: 100, ok: 90, errors: 2, unreadable: 1 })).toEqual([
      '1 output line(s) could not be read (truncated or damaged file).',
      'The manifest says 98 successful records, the output files hold 90.',
    ]);
    expect(reconcile(null, { submitted: 1, ok: 1, errors: 0, unreadable: 0 })).toEqual([
      'manifest.json.out is missing or unreadable; counts could not be checked.',
    ]);
    expect(parseManifest('not json')).toBeNull();
  });
});
