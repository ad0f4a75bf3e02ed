import { describe, expect, it } from 'vitest';
import { axisWindow } from './chartAxis';

const format = (v: number) => v.toFixed(2);

describe('axisWindow', () => {
  it('keeps every point inside, off the edges, and says when it does not start at zero', () => {
    const w = axisWindow([0.34, 0.4], { floor: 0, ceiling: 1, format, name: 'the quality axis' });
    expect(w.min).toBeLessThan(0.34);
    expect(w.max).toBeGreaterThan(0.4);
    expect(w.min).toBeGreaterThan(0);
    expect(w.zoomNote).toBe(
      `The quality axis starts at ${format(w.min)}, not at 0: gaps look larger than they are.`,
    );
  });

  it('starts at the floor when the data is near it, and then needs no note', () => {
    const w = axisWindow([0.05, 0.4], { floor: 0, ceiling: 1, format, name: 'the quality axis' });
    expect(w.min).toBe(0);
    expect(w.zoomNote).toBeNull();
  });

  it('stays within the scale, so a perfect score is at the edge only when it is the top', () => {
    const w = axisWindow([0.9, 1], { floor: 0, ceiling: 1, format, name: 'the quality axis' });
    expect(w.max).toBe(1);
  });

  it('zooms to far-negative values and says the axis never reaches zero', () => {
    const w = axisWindow([-5_000_000, -4_990_000, -5_010_000], { format, name: 'the NPV axis' });
    expect(w.max).toBeLessThan(0);
    expect(w.min).toBeLessThan(-5_010_000);
    expect(w.max - w.min).toBeLessThan(40_000);
    expect(w.zoomNote).toContain('below 0');
  });
});
