/** The CLI's progress lines: throttles and retries on the line, and every limit change said. */
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../shared/domain/run';
import { ProgressPrinter, progressLine } from './progressPrinter';

const progress = (over: Partial<RunProgress> = {}): RunProgress => ({
  experimentId: 'e1',
  status: 'running',
  statusReason: null,
  done: 10,
  total: 40,
  failed: 0,
  inFlight: 4,
  concurrency: 4,
  elapsedMs: 3_000,
  etaMs: 9_000,
  spentUsd: 0.01,
  perModel: [
    { modelId: 'T', done: 5, total: 20, failed: 0, inputTokens: 1, outputTokens: 1, costUsd: 0 },
    { modelId: 'S', done: 5, total: 20, failed: 0, inputTokens: 1, outputTokens: 1, costUsd: 0 },
  ],
  ...over,
});

function fakeOut() {
  const lines: string[] = [];
  const out = {
    isTTY: false,
    write: (s: string) => lines.push(s),
  } as unknown as NodeJS.WriteStream;
  return { out, lines };
}

describe('progress printer', () => {
  it('shows throttles, retries and the time lost once there are any', () => {
    expect(progressLine(progress())).not.toContain('throttled');
    const p = progress();
    p.perModel[0] = { ...p.perModel[0]!, throttles: 3, retries: 4, lostMs: 2_400 };
    p.perModel[1] = { ...p.perModel[1]!, throttles: 1, retries: 1, lostMs: 600 };
    expect(progressLine(p)).toContain('(limit 4) · 4 throttled, 5 retried, 3s lost');
  });

  it('says every change of the limit once, with its reason', () => {
    const { out, lines } = fakeOut();
    const printer = new ProgressPrinter(out, 60_000);
    const lowered = {
      from: 4,
      to: 2,
      reason: 'lowered from 4 to 2: Bedrock throttled a call of T',
      atMs: 1_000,
      seq: 1,
    };
    printer.update(progress());
    printer.update(progress({ concurrency: 2, limitChange: lowered }));
    printer.update(progress({ concurrency: 2, limitChange: lowered, done: 11 }));
    const raised = { ...lowered, from: 2, to: 3, reason: 'raised from 2 to 3: …', seq: 2 };
    printer.update(progress({ concurrency: 3, limitChange: raised }));
    const said = lines.filter((l) => l.startsWith('concurrency'));
    expect(said).toEqual([
      'concurrency lowered from 4 to 2: Bedrock throttled a call of T (after 1s)\n',
      'concurrency raised from 2 to 3: … (after 1s)\n',
    ]);
  });
});
