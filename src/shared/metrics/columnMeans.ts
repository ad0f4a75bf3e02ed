import { createRng } from './random';

/** Value columns summed together per pass over a resample's rows (their totals live in locals). */
const BLOCK = 8;

/**
 * For each resample, the mean of every column over the same drawn rows. All columns must have
 * the same length (one entry per paragraph). The drawn rows depend only on the seed, the number
 * of resamples and the row count, and each column's total adds its values in draw order, so a
 * column gets the same distribution whichever other columns share the pass: callers with many
 * columns of one length (a quality report: every metric, every model) pass them together and
 * pay for the draws once.
 */
export function bootstrapColumnMeans(
  columns: readonly (readonly number[])[],
  resamples: number,
  seed: number,
): number[][] {
  const n = columns[0]?.length ?? 0;
  if (n === 0) throw new RangeError('bootstrap needs at least one row');
  if (columns.some((c) => c.length !== n))
    throw new RangeError('bootstrap columns differ in length');
  // At 50,000 paragraphs the values no longer fit in cache and reading them at the drawn rows is
  // where the time goes, so each resample's rows are drawn first and then:
  // - 0/1 columns (failures under a bar) are summed as how often each of their 1-rows was drawn:
  //   a sum of whole numbers is exact in any order, so this equals summing in draw order;
  // - other columns are summed in draw order, eight at a time from a row-major block with the
  //   totals in locals, so one cache miss per drawn row serves eight columns.
  const binary: { at: number; ones: Int32Array }[] = [];
  const valued: number[] = [];
  columns.forEach((column, at) => {
    if (column.every((v) => v === 0 || v === 1)) {
      const ones: number[] = [];
      column.forEach((v, row) => {
        if (v === 1) ones.push(row);
      });
      binary.push({ at, ones: Int32Array.from(ones) });
    } else valued.push(at);
  });
  const blocks: { at: number[]; values: Float64Array }[] = [];
  for (let first = 0; first < valued.length; first += BLOCK) {
    const at = valued.slice(first, first + BLOCK);
    const values = new Float64Array(n * BLOCK);
    at.forEach((c, j) => {
      const column = columns[c] as readonly number[];
      for (let r = 0; r < n; r++) values[r * BLOCK + j] = column[r] as number;
    });
    blocks.push({ at, values });
  }

  const rows = new Int32Array(n);
  const drawnTimes = new Int32Array(binary.length > 0 ? n : 0);
  const rng = createRng(seed);
  const out = columns.map(() => new Array<number>(resamples));
  for (let b = 0; b < resamples; b++) {
    drawnTimes.fill(0);
    for (let k = 0; k < n; k++) {
      const row = rng.nextInt(n);
      rows[k] = row * BLOCK;
      if (binary.length > 0) drawnTimes[row] = (drawnTimes[row] as number) + 1;
    }
    for (const { at, ones } of binary) {
      let total = 0;
      for (let i = 0; i < ones.length; i++) total += drawnTimes[ones[i] as number] as number;
      (out[at] as number[])[b] = total / n;
    }
    for (const block of blocks) sumBlock(block, rows, n, out, b);
  }
  return out;
}

/** Adds one block's eight columns over the drawn rows, in draw order, into resample b. */
function sumBlock(
  block: { at: number[]; values: Float64Array },
  rows: Int32Array,
  n: number,
  out: number[][],
  b: number,
): void {
  const v = block.values;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  let t4 = 0;
  let t5 = 0;
  let t6 = 0;
  let t7 = 0;
  for (let k = 0; k < n; k++) {
    const at = rows[k] as number;
    t0 += v[at] as number;
    t1 += v[at + 1] as number;
    t2 += v[at + 2] as number;
    t3 += v[at + 3] as number;
    t4 += v[at + 4] as number;
    t5 += v[at + 5] as number;
    t6 += v[at + 6] as number;
    t7 += v[at + 7] as number;
  }
  const totals = [t0, t1, t2, t3, t4, t5, t6, t7];
  block.at.forEach((c, j) => {
    (out[c] as number[])[b] = (totals[j] as number) / n;
  });
}
