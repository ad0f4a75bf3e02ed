/**
 * Decimal text of a double without Intl: rounding to fraction or significant digits, and en-US
 * digit grouping. format.ts builds every shown number on it. Intl.NumberFormat starts ICU, which
 * maps about 8 MB of the node binary's locale data into a process; the CLI formats a progress
 * line while it runs, so this costs it nothing.
 *
 * It rounds what ICU (and so Intl.NumberFormat) rounds: the shortest digits that read back as
 * the double (what `String(x)` prints), half away from zero. That is not the double's exact
 * binary value, which `toFixed` and `toPrecision` round: 1.005 is 1.00499999999999989… in
 * binary, so `(1.005).toFixed(2)` is "1.00" where Intl, and this, print "1.01".
 * format.test.ts compares the two over many thousands of seeded values.
 */

/** A non-negative decimal 0.d₁d₂d₃… × 10^point; `digits` has no leading or trailing zero. */
export interface Decimal {
  readonly digits: string;
  readonly point: number;
}

const ZERO: Decimal = { digits: '', point: 0 };
const CHAR_FIVE = 53;
const CHAR_NINE = 57;

function trimmed(digits: string, point: number): Decimal {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? ZERO : { digits: digits.slice(0, end), point };
}

/** |x| as the shortest decimal that reads back as x; `x` must be finite. */
export function decimalOf(x: number): Decimal {
  const text = String(Math.abs(x)); // "123.45", "1.5e-7", "1e+21"
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  if (lead === digits.length) return ZERO;
  return trimmed(digits.slice(lead), (dot < 0 ? mantissa.length : dot) + exponent - lead);
}

/** `d` times 10^power (a percentage is the share times 10²). */
export const scaled = (d: Decimal, power: number): Decimal =>
  d.digits === '' ? d : { digits: d.digits, point: d.point + power };

/** `d` with its first `keep` digits, rounded half away from zero (`keep` may be 0 or less). */
function keepDigits(d: Decimal, keep: number): Decimal {
  if (keep >= d.digits.length) return d;
  if (keep < 0) return ZERO;
  if (d.digits.charCodeAt(keep) < CHAR_FIVE) return trimmed(d.digits.slice(0, keep), d.point);
  let i = keep - 1;
  while (i >= 0 && d.digits.charCodeAt(i) === CHAR_NINE) i--;
  // All nines (or nothing kept): 0.999… becomes 1.0 one place up.
  if (i < 0) return { digits: '1', point: d.point + 1 };
  return {
    digits: d.digits.slice(0, i) + String.fromCharCode(d.digits.charCodeAt(i) + 1),
    point: d.point,
  };
}

/** Rounded to at most `fractionDigits` decimals. */
export const roundFraction = (d: Decimal, fractionDigits: number): Decimal =>
  keepDigits(d, d.point + fractionDigits);

/** Rounded to at most `significantDigits` significant digits. */
export const roundSignificant = (d: Decimal, significantDigits: number): Decimal =>
  keepDigits(d, significantDigits);

/** The power of ten of the leading digit: 1234 → 3, 0.05 → -2 (0 for zero). */
export const magnitudeOf = (d: Decimal): number => (d.digits === '' ? 0 : d.point - 1);

/** "1234567" → "1,234,567"; with `minGrouping` 2, a four-digit "1500" stays as it is. */
function grouped(int: string, minGrouping: number): string {
  if (int.length < 3 + minGrouping) return int;
  let out = int.slice(0, ((int.length - 1) % 3) + 1);
  for (let i = out.length; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

/** The digits of `d` with grouped thousands and at least `minFraction` decimals: "1,234.50". */
export function decimalText(d: Decimal, minFraction = 0, minGrouping = 1): string {
  const { digits, point } = d;
  const int = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = (point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits).padEnd(
    minFraction,
    '0',
  );
  const whole = grouped(int, minGrouping);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}
