import { it } from 'vitest';
import { startBedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor } from '../../../test/support/standInClient';
import { streamCompletion } from './converseStream';
it('probe', async () => {
  const s = await startBedrockStandIn({ fallbackModel: { latencyMs: 100, ttftMs: 20, chunks: 6 } });
  const req = { modelId: 'm', userText: 'hi', maxTokens: 10, temperature: 0, topP: 1 };
  for (const f of ['badChecksum', 'stallAfterHeaders', 'hang', 'stallStream', 'throttle', 'serverError'] as const) {
    s.queueFaults('m', [f]);
    const t = performance.now();
    try { const m = await streamCompletion(clientFor(s, { requestTimeoutMs: 3000, maxAttempts: 2 }), req, { stall: { firstEventMs: 200, idleMs: 200 } }); console.log(f, 'ok', performance.now() - t, m.e2eLatencyMs, m.ttftMs, m.sdkAttempts.map(a => [a.startMs - t, a.endMs - t, a.httpStatus, (a.error as any)?.name])); }
    catch (e: any) { console.log(f, performance.now() - t, e.classification.kind, e.classification.detail, e.sdkAttempts.map((a: any) => [a.startMs - t, a.endMs - t, a.httpStatus, a.error?.name])); }
  }
  await s.close();
}, 10000);
