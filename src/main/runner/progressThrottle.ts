/**
 * Pushes progress at most every `intervalMs`: a change inside the window schedules one trailing
 * push, so the last state of a burst is never lost; `flush` pushes at once (status changes).
 */
export class ProgressThrottle {
  private lastAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly push: () => void,
  ) {}

  changed(): void {
    if (this.timer) return;
    const wait = this.lastAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => this.flush(), wait);
    // A pending progress event alone must not keep a finished CLI process alive.
    this.timer.unref();
  }

  flush(): void {
    this.cancel();
    this.lastAt = this.now();
    this.push();
  }

  /** Pushes now if a change is waiting for its window, else does nothing. */
  flushPending(): void {
    if (this.timer) this.flush();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
