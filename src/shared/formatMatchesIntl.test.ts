/**
 * format.ts prints numbers without Intl (decimalText.ts says why); this holds it to what
 * Intl.NumberFormat prints with the options it used before, over seeded random values and the
 * edges: ties at every digit, runs of nines that carry into the next unit, negative zero and
 * negatives that round to zero, integers past 2^53 and 1e21, the largest and smallest doubles.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from './metrics/random';
import {
  formatCompactNumber,
  formatCompactUsd,
  formatNumber,
  formatPercent,
  formatRatio,
  formatUsd,
} from './format';

const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', options);
const currency = { style: 'currency', currency: 'USD' } as const;
const numberWith = [0, 1, 2, 3, 6].map((f) => intl({ maximumFractionDigits: f }));
const percentWith = [0, 1, 2].map((f) =>
  intl({ style: 'percent', minimumFractionDigits: f, maximumFractionDigits: f }),
);
const compact = intl({ notation: 'compact', maximumSignificantDigits: 3 });
const compactUsd = intl({ ...currency, notation: 'compact', maximumSignificantDigits: 3 });
const usd0 = intl({ ...currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
const usd2 = intl({ ...currency, minimumFractionDigits: 2 });
const usdSig = new Map(
  [4, 6, 8].map((s) => [s, intl({ ...currency, maximumSignificantDigits: s })]),
);

/** The dollar rules of formatUsd as they were written on Intl. */
function usdByIntl(value: number, significantDigits: number): string {
  const v = Object.is(value, -0) ? 0 : value;
  if (v === 0) return '$0';
  if (Math.abs(v) >= 1000) return usd0.format(v);
  if (Math.abs(v) >= 1) return usd2.format(v);
  const text = usdSig.get(significantDigits)?.format(v) ?? '';
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals >= 2 ? text : decimals === 1 ? `${text}0` : `${text}.00`;
}

/** Every pair of (what format.ts printed, what Intl prints) for one value; -0 is shown as 0. */
function pairs(x: number): [string, string, string][] {
  const v = Object.is(x, -0) ? 0 : x;
  return [
    ...[0, 1, 2, 3, 6].map((f, i): [string, string, string] => [
      `formatNumber(${x}, ${f})`,
      formatNumber(x, f),
      numberWith[i]?.format(v) ?? '',
    ]),
    ['formatRatio', formatRatio(x), `${numberWith[2]?.format(v)}×`],
    ...[0, 1, 2].map((f, i): [string, string, string] => [
      `formatPercent(${x}, ${f})`,
      formatPercent(x, f),
      percentWith[i]?.format(v) ?? '',
    ]),
    ...[4, 6, 8].map((s): [string, string, string] => [
      `formatUsd(${x}, ${s})`,
      formatUsd(x, s),
      usdByIntl(x, s),
    ]),
    [`formatCompactNumber(${x})`, formatCompactNumber(x), compact.format(v)],
    [`formatCompactUsd(${x})`, formatCompactUsd(x), compactUsd.format(v)],
  ];
}

function mismatches(values: readonly number[]): string[] {
  const out: string[] = [];
  for (const x of values) {
    for (const [what, ours, theirs] of pairs(x)) {
      if (ours !== theirs) out.push(`${what}: ${ours} where Intl prints ${theirs}`);
    }
  }
  return out;
}

const withNegatives = (xs: number[]) => xs.flatMap((x) => [x, -x]);

describe('format.ts prints what Intl.NumberFormat prints', () => {
  it('for the edges: zeros, ties, carries, huge and tiny doubles', () => {
    const nines = Array.from({ length: 20 }, (_, k) =>
      [1, 0.5, 0.05, 0.005].map((step) => 10 ** (k - 8) - step * 10 ** (k - 11)),
    ).flat();
    const edges = withNegatives([
      0,
      1.005,
      8.345,
      0.5,
      1.5,
      2.5,
      0.0005,
      0.00046985,
      0.0000714,
      0.999_999_9,
      0.999_999_5,
      999.995,
      999.5,
      999_950,
      999_949.99,
      9995,
      99_950,
      1e15,
      1.5e15,
      1.5e18,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 60,
      1e21,
      1.2345e25,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
      0.1 + 0.2,
      ...nines,
    ]);
    expect(mismatches(edges)).toEqual([]);
    expect(mismatches([-0])).toEqual([]);
  });

  it('for 20,000 seeded random values of every size', () => {
    const rng = createRng(17);
    const values: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const power = 10 ** (rng.nextInt(40) - 14);
      // Full doubles; and short decimals, which land on ties (…5) and runs of nines.
      values.push(rng.nextFloat() * power);
      values.push((rng.nextInt(10 ** (1 + rng.nextInt(7))) * power) / 1000);
      values.push(((rng.nextInt(2000) * 10 + 5) * power) / 10_000);
      values.push(-(((10 ** (1 + rng.nextInt(6)) - 1) * 10 + rng.nextInt(10)) * power) / 100);
    }
    expect(values.length).toBe(20_000);
    expect(mismatches(values)).toEqual([]);
  });

  it('for the counts that were printed with toLocaleString (formatNumber with 3 decimals)', () => {
    const rng = createRng(23);
    const counts = Array.from({ length: 2_000 }, () => rng.nextInt(2 ** 31) / 10 ** rng.nextInt(6));
    const wrong = counts.filter((n) => formatNumber(n, 3) !== n.toLocaleString('en-US'));
    expect(wrong).toEqual([]);
  });

  it('says when it does not: a wrong rule shows up as a mismatch', () => {
    // The comparison is not vacuous: toFixed rounds the binary value, which Intl does not.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(mismatches([1.005])).toEqual([]);
    expect(formatNumber(1.005, 2)).toBe('1.01');
  });
});
