/**
 * Whether Bedrock refuses enough of what the run sends for a lower limit to help. One throttle
 * proves little: an account under random throttling (30 % of attempts, whatever the load) would
 * see one in almost every round, and halving on each drove runs down to one or two calls in
 * flight, for no fewer throttles. A quota the run exceeds refuses a growing share of attempts
 * as the run sends more. So the limit is lowered only when at least `share` of the last
 * `window` attempts were throttled: the run then gets fewer than one answer per two requests.
 */
export class ThrottleShare {
  private readonly recent: boolean[] = [];
  private next = 0;
  private throttled = 0;

  constructor(
    private readonly window: number,
    private readonly share: number,
  ) {}

  /** One attempt ended, throttled or not. */
  note(throttled: boolean): void {
    if (this.recent.length < this.window) this.recent.push(throttled);
    else {
      if (this.recent[this.next]) this.throttled--;
      this.recent[this.next] = throttled;
      this.next = (this.next + 1) % this.window;
    }
    if (throttled) this.throttled++;
  }

  /** "12 of the last 20 attempts", for the reason a limit moved. */
  describe(): string {
    return `${this.throttled} of the last ${this.recent.length} attempts`;
  }

  /** True when the throttled share of the recent attempts calls for a lower limit. */
  high(): boolean {
    return this.recent.length > 0 && this.throttled >= this.share * this.recent.length;
  }
}
