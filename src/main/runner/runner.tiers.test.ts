/**
 * Service tiers through the real SDK and the stand-in: the runner sends the tier the experiment
 * asks for, stores the tier the response reports, and prices each call at that tier.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  STUDENT,
  STUDENT2,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import { listRuns } from '../db/repos/runs';

const TOKENS = { inputTokens: 1000, outputTokens: 500 };
const FLEX = { inputUsdPer1k: 0.00015, outputUsdPer1k: 0.0003 };
const STANDARD2 = { inputUsdPer1k: 0.001, outputUsdPer1k: 0.002 };

describe('service tiers', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: {
        [TEACHER]: { latencyMs: 20, ...TOKENS },
        [STUDENT]: { latencyMs: 20, ...TOKENS, tierLatencyMs: { flex: 60 } },
        // Priority asked, Standard served (e.g. no priority capacity for this model).
        [STUDENT2]: { latencyMs: 20, ...TOKENS, servedTier: { priority: 'default' } },
      },
    });
  });
  afterAll(() => standIn.close());
  afterEach(() => fx.cleanup());

  it('sends the tier, stores the reported one, and prices each call at the tier served', async () => {
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 2,
      students: [STUDENT, STUDENT2],
      priceExtras: {
        [STUDENT]: { ...FLEX, serviceTier: 'flex' },
        [STUDENT2]: {
          inputUsdPer1k: 0.00175,
          outputUsdPer1k: 0.0035,
          serviceTier: 'priority',
          tierPrices: [{ tier: 'default', ...STANDARD2 }],
        },
      },
    });
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    expect(await fx.runner.settled(fx.experimentId)).toMatchObject({
      status: 'completed',
      failed: 0,
    });

    const sent = (id: string) => standIn.requestsFor(id).map((r) => r.body?.serviceTier);
    expect(sent(TEACHER)).toEqual([undefined, undefined]);
    expect(sent(STUDENT)).toEqual([{ type: 'flex' }, { type: 'flex' }]);
    expect(sent(STUDENT2)).toEqual([{ type: 'priority' }, { type: 'priority' }]);

    const runs = listRuns(fx.db, fx.experimentId);
    const of = (id: string) => runs.filter((r) => r.modelId === id);
    expect(of(TEACHER).map((r) => r.serviceTier)).toEqual([undefined, undefined]);
    expect(of(STUDENT).map((r) => [r.serviceTier, r.costUsd, r.serverMs])).toEqual([
      ['flex', 0.00015 + 0.00015, 80],
      ['flex', 0.00015 + 0.00015, 80],
    ]);
    // Served at Standard: billed at Standard, not at the Priority price asked for.
    expect(of(STUDENT2).map((r) => [r.serviceTier, r.costUsd])).toEqual([
      ['default', 0.001 + 0.001],
      ['default', 0.001 + 0.001],
    ]);
  });
});
