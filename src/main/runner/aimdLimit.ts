/**
 * The run's in-flight limit, adjusted like TCP's congestion window (AIMD): halved when Bedrock
 * pushes back, raised by one after as many successes in a row as the current limit (roughly one
 * step per "round" of calls), never above what the experiment asked for nor below one.
 *
 * A burst of throttles caused by one overload halves the limit once, not once per throttled
 * call: only a call dispatched after the last decrease can trigger the next one (the epoch).
 */
export class AimdLimit {
  private current: number;
  private epochValue = 0;
  private streak = 0;
  /** Lowest limit reached so far; the benchmark and tests read it. */
  private low: number;

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limit must be ≥ 1, got ${max}`);
    this.current = max;
    this.low = max;
  }

  get limit(): number {
    return this.current;
  }

  get lowest(): number {
    return this.low;
  }

  /** Stamp a call with this when it is dispatched and hand it back to `pushBack`. */
  get epoch(): number {
    return this.epochValue;
  }

  /** Bedrock throttled (or the SDK had to retry) a call dispatched at `epoch`. */
  pushBack(epoch: number): boolean {
    if (epoch !== this.epochValue) return false;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.low = Math.min(this.low, this.current);
    this.epochValue++;
    this.streak = 0;
    return true;
  }

  /**
   * A call succeeded. Only a success while every slot was in use says the limit itself is fine
   * (TCP's congestion-window validation, RFC 7661): a half-empty run would otherwise grow the
   * limit without ever testing it, then burst when its queue fills again.
   */
  success(saturated: boolean): void {
    if (!saturated || this.current >= this.max) return;
    this.streak++;
    if (this.streak >= this.current) {
      this.current++;
      this.streak = 0;
    }
  }
}
