/**
 * Waiting out a network outage: one shared reachability check at a time (a burst of failing
 * calls asks once, not once each), and a probe every `intervalMs` until the endpoint answers.
 */
export class OfflineWatch {
  private pending: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly intervalMs: number,
  ) {}

  /** Whether the endpoint answers now; a failing probe counts as "no". */
  reachable(): Promise<boolean> {
    this.pending ??= this.probe()
      .catch(() => false)
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** Probes every interval until the endpoint answers, then calls `onBack` once. */
  watch(onBack: () => void): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reachable().then((up) => {
        if (up) onBack();
        else this.watch(onBack);
      });
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
