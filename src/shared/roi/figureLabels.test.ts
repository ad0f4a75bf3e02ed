import { describe, expect, it } from 'vitest';
import { savingShareText } from './figureLabels';

describe('savingShareText', () => {
  it('says the saving as a difference from the teacher, never as a share that reads as a cost', () => {
    // $21.85 saved of $24.34: the student costs about a tenth of the teacher.
    expect(savingShareText(21.85 / 24.34)).toBe("89.8% below the teacher's cost");
    expect(savingShareText(-0.25)).toBe("25.0% above the teacher's cost");
    expect(savingShareText(0)).toBe("0.0% below the teacher's cost");
  });

  it('has nothing to say when the teacher costs nothing', () => {
    expect(savingShareText(null)).toBeNull();
    expect(savingShareText(Number.NaN)).toBeNull();
  });
});
