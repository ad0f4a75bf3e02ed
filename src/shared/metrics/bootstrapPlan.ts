import { bootstrapColumnMeans } from './columnMeans';

/**
 * A bootstrap split into what it resamples and what it makes of the resampled means, so that
 * many of them can share one pass over the rows. A quality report at 50,000 paragraphs asks for
 * dozens of intervals (every metric, every model, shares under the bar, paired differences); each
 * alone draws 2,000 × 50,000 rows, together they draw them once (see bootstrapColumnMeans for why
 * the figures are the same either way).
 */
export interface BootstrapPlan<R> {
  /** Null when there is nothing to resample (too few paragraphs): `finish` gets no columns. */
  readonly request: {
    readonly columns: readonly (readonly number[])[];
    readonly resamples: number;
    readonly seed: number;
  } | null;
  finish(distributions: readonly number[][]): R;
}

/** Runs one plan on its own. */
export function runPlan<R>(plan: BootstrapPlan<R>): R {
  const r = plan.request;
  return plan.finish(r === null ? [] : bootstrapColumnMeans(r.columns, r.resamples, r.seed));
}

const passKey = (r: NonNullable<BootstrapPlan<unknown>['request']>): string =>
  `${r.seed}|${r.resamples}|${r.columns[0]?.length ?? 0}`;

/**
 * Collects plans and runs them together: one pass per (seed, resamples, row count), and a column
 * that several plans ask for (a model's values serve its own mean and its paired difference) is
 * resampled once. `add` returns a getter that is valid after `run`.
 */
export class BootstrapBatch {
  private readonly plans: BootstrapPlan<unknown>[] = [];
  private results: unknown[] | null = null;

  add<R>(plan: BootstrapPlan<R>): () => R {
    if (this.results !== null) throw new Error('BootstrapBatch: add after run');
    const index = this.plans.push(plan) - 1;
    return () => {
      if (this.results === null) throw new Error('BootstrapBatch: read before run');
      return this.results[index] as R;
    };
  }

  run(): void {
    if (this.results !== null) return;
    interface Pass {
      readonly resamples: number;
      readonly seed: number;
      readonly columns: (readonly number[])[];
      readonly seen: Map<readonly number[], number>;
    }
    const passes = new Map<string, Pass>();
    // Where each plan's columns sit in its pass.
    const slots = this.plans.map((plan) => {
      const r = plan.request;
      if (r === null) return null;
      const key = passKey(r);
      let pass = passes.get(key);
      if (pass === undefined) {
        pass = { resamples: r.resamples, seed: r.seed, columns: [], seen: new Map() };
        passes.set(key, pass);
      }
      const p = pass;
      return {
        key,
        at: r.columns.map((column) => {
          const same = p.seen.get(column) ?? p.columns.findIndex((c) => sameValues(c, column));
          if (same >= 0) {
            p.seen.set(column, same);
            return same;
          }
          p.seen.set(column, p.columns.push(column) - 1);
          return p.columns.length - 1;
        }),
      };
    });
    const drawn = new Map<string, number[][]>();
    for (const [key, pass] of passes) {
      drawn.set(key, bootstrapColumnMeans(pass.columns, pass.resamples, pass.seed));
    }
    this.results = this.plans.map((plan, i) => {
      const slot = slots[i];
      if (slot === null || slot === undefined) return plan.finish([]);
      const dists = drawn.get(slot.key) as number[][];
      return plan.finish(slot.at.map((c) => dists[c] as number[]));
    });
  }
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
