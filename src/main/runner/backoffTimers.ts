/** Calls waiting out a retry back-off; a stopping session takes them all back at once. */
import type { CallSpec } from './runnerTypes';

export class BackoffTimers {
  private readonly waiting = new Map<NodeJS.Timeout, CallSpec>();

  get size(): number {
    return this.waiting.size;
  }

  schedule(spec: CallSpec, delayMs: number, ready: (spec: CallSpec) => void): void {
    const timer = setTimeout(() => {
      this.waiting.delete(timer);
      ready(spec);
    }, delayMs);
    this.waiting.set(timer, spec);
  }

  /** Cancels every pending back-off and returns the calls, to be queued again. */
  release(): CallSpec[] {
    const specs = [...this.waiting.values()];
    for (const timer of this.waiting.keys()) clearTimeout(timer);
    this.waiting.clear();
    return specs;
  }
}
