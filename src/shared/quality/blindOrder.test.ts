import { describe, expect, it } from 'vitest';
import { blindOrder } from './blindOrder';
import { fnv1a32, textFingerprint } from './hash';

describe('blindOrder', () => {
  it('is the same for the same paragraph, student and seed', () => {
    for (let i = 0; i < 20; i++) {
      expect(blindOrder(7, `p${i}`, 's')).toEqual(blindOrder(7, `p${i}`, 's'));
    }
  });

  it('puts the teacher first for roughly half of the paragraphs', () => {
    const firsts = Array.from({ length: 400 }, (_, i) => blindOrder(20240601, `para-${i}`, 'm'));
    const teacherFirst = firsts.filter((o) => o.A === 'teacher').length;
    expect(teacherFirst).toBeGreaterThan(150);
    expect(teacherFirst).toBeLessThan(250);
    for (const o of firsts) expect(new Set([o.A, o.B])).toEqual(new Set(['teacher', 'student']));
  });
});

describe('hash', () => {
  it('matches FNV-1a reference values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('fingerprints change with the text', () => {
    expect(textFingerprint('abc')).toBe(textFingerprint('abc'));
    expect(textFingerprint('abc')).not.toBe(textFingerprint('abd'));
  });
});
