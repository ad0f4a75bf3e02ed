/**
 * A test core with a seeded experiment, for Vitest only (Playwright specs import qualitySeed.ts,
 * which must not pull in Vitest).
 */
import { onTestFinished } from 'vitest';
import { seedExperimentWithRuns, type SeedOptions } from './qualitySeed';
import { makeTestCore } from './testCore';

/** A test core on a fresh data folder with a seeded experiment; closed when the test ends. */
export async function seededQualityCore(paragraphs = 8, opts: SeedOptions = {}) {
  const t = await makeTestCore();
  onTestFinished(t.cleanup);
  const seeded = seedExperimentWithRuns(t.core.ctx.db, { paragraphs, ...opts });
  return { ...t, seeded };
}
