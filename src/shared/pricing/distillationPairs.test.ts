import { describe, expect, it } from 'vitest';
import { DISTILLATION_PAIRS, distillationCheck, studentsOf } from './distillationPairs';
import { MODELS } from './models';

const key = (t: string, s: string) => `${t} -> ${s}`;

describe('DISTILLATION_PAIRS', () => {
  it('names only models the catalog knows, each with a source and a date', () => {
    const ids = new Set(MODELS.map((m) => m.id));
    for (const p of DISTILLATION_PAIRS) {
      expect(ids.has(p.teacherId), p.teacherId).toBe(true);
      expect(ids.has(p.studentId), p.studentId).toBe(true);
      expect(p.sources.map((s) => s.tag)).toContain('S38');
      expect(p.checkedOn).toBe('2026-12-07');
    }
  });

  it('holds exactly the pairs of docs/bedrock.md §5, with their regions and profile rule', () => {
    const rows = DISTILLATION_PAIRS.map(
      (p) =>
        `${key(p.teacherId, p.studentId)} @${p.region}${p.teacherNeedsInferenceProfile ? ' profile' : ''}`,
    );
    const nova = (t: string, s: string, profile = false) =>
      `${key(`amazon.nova-${t}-v1:0`, `amazon.nova-${s}-v1:0`)} @us-east-1${profile ? ' profile' : ''}`;
    const llama = (t: string, s: string, profile = false) =>
      `${key(`meta.llama${t}-instruct-v1:0`, `meta.llama${s}-instruct-v1:0`)} @us-west-2${profile ? ' profile' : ''}`;
    expect(rows.sort()).toEqual(
      [
        nova('pro', 'lite'),
        nova('pro', 'micro'),
        nova('premier', 'lite', true),
        nova('premier', 'micro', true),
        nova('premier', 'pro', true),
        llama('3-1-405b', '3-1-8b'),
        llama('3-1-405b', '3-1-70b'),
        llama('3-1-405b', '3-2-1b'),
        llama('3-1-405b', '3-3-70b'),
        llama('3-1-70b', '3-1-8b'),
        llama('3-1-70b', '3-2-1b'),
        llama('3-1-70b', '3-2-3b'),
        llama('3-3-70b', '3-1-8b', true),
        llama('3-3-70b', '3-2-1b', true),
        llama('3-3-70b', '3-2-3b', true),
      ].sort(),
    );
  });

  it('lists no Anthropic model', () => {
    for (const p of DISTILLATION_PAIRS) {
      expect(p.teacherId.startsWith('anthropic.')).toBe(false);
      expect(p.studentId.startsWith('anthropic.')).toBe(false);
    }
  });
});

describe('studentsOf', () => {
  it('accepts profile ids and knows no students of the seed teacher', () => {
    expect(studentsOf('us.meta.llama3-1-405b-instruct-v1:0').map((p) => p.studentId)).toEqual([
      'meta.llama3-1-8b-instruct-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
      'meta.llama3-2-1b-instruct-v1:0',
      'meta.llama3-3-70b-instruct-v1:0',
    ]);
    expect(studentsOf('meta.llama3-70b-instruct-v1:0')).toEqual([]);
  });
});

describe('distillationCheck', () => {
  const t70 = 'meta.llama3-1-70b-instruct-v1:0';
  const s8 = 'meta.llama3-1-8b-instruct-v1:0';

  it('accepts a listed pair in its region', () => {
    const c = distillationCheck(t70, s8, 'us-west-2');
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.notes).toEqual([]);
  });

  it('refuses the pair in another region and names the right one', () => {
    const c = distillationCheck(t70, s8, 'us-east-1');
    expect(c).toMatchObject({ ok: false });
    if (!c.ok) expect(c.reason).toContain('us-west-2 only');
  });

  it('notes the copy when the student is served in another region', () => {
    const c = distillationCheck(t70, s8, 'us-west-2', 'eu-west-1');
    expect(c.ok && c.notes.join(' ')).toContain('copied to eu-west-1');
  });

  it('notes the inference profile for Nova Premier', () => {
    const c = distillationCheck('amazon.nova-premier-v1:0', 'amazon.nova-pro-v1:0', 'us-east-1');
    expect(c.ok && c.notes.join(' ')).toContain('inference profile');
  });

  it('refuses Anthropic models and the seed pair, saying why', () => {
    const claude = distillationCheck(
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'us-east-1',
    );
    expect(!claude.ok && claude.reason).toContain('Anthropic');
    const seed = distillationCheck(
      'meta.llama3-70b-instruct-v1:0',
      'meta.llama3-8b-instruct-v1:0',
      'us-west-2',
    );
    expect(!seed.ok && seed.reason).toContain('as-is');
    const wrongStudent = distillationCheck(t70, 'meta.llama3-3-70b-instruct-v1:0', 'us-west-2');
    expect(!wrongStudent.ok && wrongStudent.reason).toContain('meta.llama3-2-3b-instruct-v1:0');
  });
});
