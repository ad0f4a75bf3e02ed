import { describe, expect, it } from 'vitest';
import { DISTILLATION_PAIRS, studentsOf } from './distillationPairs';
import { MODELS } from './models';

const key = (t: string, s: string) => `${t} -> ${s}`;

describe('DISTILLATION_PAIRS', () => {
  it('names only models the catalog knows', () => {
    const ids = new Set(MODELS.map((m) => m.id));
    for (const p of DISTILLATION_PAIRS) {
      expect(ids.has(p.teacherId), p.teacherId).toBe(true);
      expect(ids.has(p.studentId), p.studentId).toBe(true);
    }
  });

  it('marks verified exactly the pairs bedrock-facts.md verifies', () => {
    const verified = DISTILLATION_PAIRS.filter((p) => p.verified).map((p) =>
      key(p.teacherId, p.studentId),
    );
    expect(verified.sort()).toEqual(
      [
        key('amazon.nova-premier-v1:0', 'amazon.nova-pro-v1:0'),
        key('amazon.nova-premier-v1:0', 'amazon.nova-lite-v1:0'),
        key('amazon.nova-premier-v1:0', 'amazon.nova-micro-v1:0'),
        key('amazon.nova-pro-v1:0', 'amazon.nova-lite-v1:0'),
        key('amazon.nova-pro-v1:0', 'amazon.nova-micro-v1:0'),
        key('meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-1-8b-instruct-v1:0'),
      ].sort(),
    );
    const unverified = DISTILLATION_PAIRS.filter((p) => !p.verified);
    expect(unverified.map((p) => key(p.teacherId, p.studentId))).toContain(
      key('meta.llama3-3-70b-instruct-v1:0', 'meta.llama3-2-1b-instruct-v1:0'),
    );
    for (const p of unverified) expect(p.note).toMatch(/Not verified/);
  });

  it('never lets Nova Lite or Micro teach, nor Premier learn', () => {
    for (const p of DISTILLATION_PAIRS) {
      expect(['amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0']).not.toContain(p.teacherId);
      expect(p.studentId).not.toBe('amazon.nova-premier-v1:0');
    }
  });
});

describe('studentsOf', () => {
  it('lists verified students first and accepts profile ids', () => {
    const students = studentsOf('us.meta.llama3-1-405b-instruct-v1:0');
    expect(students.map((p) => p.studentId)).toEqual([
      'meta.llama3-1-8b-instruct-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
    ]);
    expect(studentsOf('meta.llama3-70b-instruct-v1:0')).toEqual([]);
  });
});
