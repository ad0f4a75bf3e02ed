/**
 * Longest-common-subsequence helpers for ROUGE-L and ROUGE-Lsum. The table is a flat typed
 * array because summaries of a few thousand tokens would otherwise allocate millions of
 * small arrays.
 */

export interface LcsTable {
  readonly rows: number;
  readonly cols: number;
  /** (rows + 1) × (cols + 1), row-major; cell (i, j) is the LCS length of ref[0..i) and can[0..j). */
  readonly cells: Int32Array;
}

export function lcsTable(ref: readonly string[], can: readonly string[]): LcsTable {
  const rows = ref.length;
  const cols = can.length;
  const width = cols + 1;
  const cells = new Int32Array((rows + 1) * width);
  for (let i = 1; i <= rows; i++) {
    const r = ref[i - 1];
    for (let j = 1; j <= cols; j++) {
      const at = i * width + j;
      if (r === can[j - 1]) {
        cells[at] = (cells[at - width - 1] as number) + 1;
      } else {
        const up = cells[at - width] as number;
        const left = cells[at - 1] as number;
        cells[at] = up >= left ? up : left;
      }
    }
  }
  return { rows, cols, cells };
}

export function lcsLength(ref: readonly string[], can: readonly string[]): number {
  const t = lcsTable(ref, can);
  return t.cells[t.rows * (t.cols + 1) + t.cols] as number;
}

/**
 * Indices into `ref` of one LCS. Several LCSs can exist and the union-LCS of ROUGE-Lsum
 * depends on which one is taken, so this follows rouge-score's `_backtrack_norec` exactly:
 * from the end, take a match when tokens are equal, step left in the candidate only when that
 * cell is strictly greater than the one above, otherwise step up in the reference.
 */
export function lcsReferenceIndices(ref: readonly string[], can: readonly string[]): number[] {
  const t = lcsTable(ref, can);
  const width = t.cols + 1;
  const picked: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      picked.push(i - 1);
      i--;
      j--;
    } else if ((t.cells[i * width + j - 1] as number) > (t.cells[(i - 1) * width + j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  return picked.reverse();
}
