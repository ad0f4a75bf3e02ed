import { describe, expect, it } from 'vitest';
import { countWords, estimateTokensApprox } from './textStats';

describe('countWords', () => {
  it('counts whitespace-separated runs of any whitespace', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n\t ')).toBe(0);
    expect(countWords(' Hello,  world!\nNew\u00a0line ')).toBe(4);
  });
});

describe('estimateTokensApprox', () => {
  it('is 0 for blank text and at least 1 otherwise', () => {
    expect(estimateTokensApprox('   ')).toBe(0);
    expect(estimateTokensApprox('a')).toBe(1);
  });

  it('blends chars/4 with words×1.33', () => {
    // 39 chars → 9.75; 8 words → 10.64; mean 10.195 → 10
    expect(estimateTokensApprox('one two three four five six seven eight')).toBe(10);
  });

  it('lands near the real count for the study paragraph (69 Llama 3 input tokens)', () => {
    const paragraph =
      'Shares of Northwind Bank fell 4.2% on Tuesday after the lender reported weaker-than-expected ' +
      'quarterly earnings and cut its full-year guidance, citing higher loan-loss provisions and ' +
      'slowing mortgage demand. Analysts said the results reflect broader pressure on regional ' +
      'banks as interest rates stay elevated.';
    const estimate = estimateTokensApprox(paragraph);
    expect(estimate).toBeGreaterThan(45);
    expect(estimate).toBeLessThan(80);
  });
});
