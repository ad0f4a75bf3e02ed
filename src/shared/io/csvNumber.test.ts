import { describe, expect, it } from 'vitest';
import { csvNumber } from './csvNumber';
import { toCsv } from './csvWrite';

describe('csvNumber', () => {
  it('drops binary noise and keeps the computed digits', () => {
    expect(csvNumber(0.00046985000000000006)).toBe('0.00046985');
    expect(csvNumber(852.0300000000001)).toBe('852.03');
    expect(csvNumber(0.1 + 0.2)).toBe('0.3');
    expect(csvNumber((69 * 0.0004 + 73 * 0.0006) / 1000)).toBe('0.0000714');
    expect(csvNumber(1 / 3)).toBe('0.333333333333333');
    expect(csvNumber(120)).toBe('120');
    expect(csvNumber(-0)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('is how the CSV writer writes numbers', () => {
    expect(toCsv(['cost_usd'], [[(69 * 0.00265 + 82 * 0.0035) / 1000]])).toBe(
      '\uFEFF"cost_usd"\r\n0.00046985\r\n',
    );
  });
});
