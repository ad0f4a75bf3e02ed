/**
 * The run's in-flight limit, adjusted like TCP's congestion window (AIMD): halved when Bedrock
 * throttles, raised by one after as many successes in a row as the current limit (roughly one
 * step per "round" of calls), never above what the experiment asked for nor below one.
 *
 * A burst of throttles caused by one overload halves the limit once, not once per throttled
 * call: only a call dispatched after the last decrease can trigger the next one (the epoch).
 * Only throttles push back: a hang, a 5xx or a garbled stream says nothing about the quota,
 * and lowering the limit for them would slow a run for no gain.
 */
export interface LimitMove {
  from: number;
  to: number;
}

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

  /** Bedrock throttled a call dispatched at `epoch`; says how the limit moved, if it did. */
  pushBack(epoch: number): LimitMove | undefined {
    if (epoch !== this.epochValue) return undefined;
    const from = this.current;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.low = Math.min(this.low, this.current);
    this.epochValue++;
    this.streak = 0;
    return from === this.current ? undefined : { from, to: this.current };
  }

  /**
   * A call succeeded. Only a success while the run had more work than free slots says the
   * limit itself is fine (TCP's congestion-window validation, RFC 7661): a half-empty run would
   * otherwise grow the limit without ever testing it, then burst when its queue fills again.
   */
  success(saturated: boolean): LimitMove | undefined {
    if (!saturated || this.current >= this.max) return undefined;
    this.streak++;
    if (this.streak < this.current) return undefined;
    this.streak = 0;
    return { from: this.current++, to: this.current };
  }
}
