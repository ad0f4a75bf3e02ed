/**
 * How long a model's stream may stay silent before the runner calls it hung, per model, from
 * its own measured time to first token: a hang must be caught in a few TTFTs, not after the
 * socket's 60 s timeout, yet a slow model must not be cut off for being slow. Until a model has
 * answered once, a generous fixed limit applies. Either limit can be set outright instead: the
 * analyst's (Settings, `run --stall-first-event / --stall-idle`) come in as stallFirstEventMs
 * and stallIdleMs (ExperimentRunner.sessionTuning) and are used as given.
 */
import type { StallLimits } from '../bedrock/converseStream';
import type { RunnerTuning } from './runnerTypes';

/** TTFTs remembered per model; the limit follows the slowest of them. */
const WINDOW = 16;

export class HangLimits {
  private readonly recent = new Map<string, { ttft: number[]; next: number }>();

  constructor(private readonly tuning: RunnerTuning) {}

  /** A call of `modelId` answered with this time to first token. */
  observe(modelId: string, ttftMs: number | undefined): void {
    if (ttftMs === undefined || !Number.isFinite(ttftMs)) return;
    let r = this.recent.get(modelId);
    if (!r) this.recent.set(modelId, (r = { ttft: [], next: 0 }));
    r.ttft[r.next] = ttftMs;
    r.next = (r.next + 1) % WINDOW;
  }

  limitsFor(modelId: string): StallLimits {
    const t = this.tuning;
    const seen = this.recent.get(modelId)?.ttft;
    const derived =
      seen && seen.length > 0
        ? Math.min(t.stallCeilingMs, Math.max(t.stallFloorMs, t.stallFactor * Math.max(...seen)))
        : t.stallBeforeMeasuredMs;
    return {
      firstEventMs: t.stallFirstEventMs ?? derived,
      idleMs: t.stallIdleMs ?? derived,
    };
  }
}
