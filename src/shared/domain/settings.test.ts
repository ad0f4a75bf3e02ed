import { describe, expect, it } from 'vitest';
import { AwsSettingsSchema, DEFAULT_AWS_SETTINGS, hangLimitProblem } from './settings';

describe('AwsSettingsSchema hang limits', () => {
  const parse = (over: Record<string, unknown>) =>
    AwsSettingsSchema.safeParse({ ...DEFAULT_AWS_SETTINGS, ...over });

  it('reads settings saved before the limits existed as derived (null)', () => {
    const { stallFirstEventMs: _first, stallIdleMs: _idle, ...older } = DEFAULT_AWS_SETTINGS;
    expect(AwsSettingsSchema.parse(older)).toMatchObject({
      stallFirstEventMs: null,
      stallIdleMs: null,
    });
  });

  it('takes whole milliseconds from 1 s to 10 min, and null', () => {
    for (const ms of [1_000, 2_500, 600_000, null]) {
      expect(parse({ stallFirstEventMs: ms, stallIdleMs: ms }).success).toBe(true);
    }
  });

  it.each([
    ['stallFirstEventMs', 999, /from 1 s to 600 s, or left empty/],
    ['stallIdleMs', 600_001, /from 1 s to 600 s/],
    ['stallIdleMs', 1_000.5, /whole number of milliseconds/],
    ['stallFirstEventMs', Number.POSITIVE_INFINITY, /^The wait .* must be a number of milli/],
    ['stallIdleMs', '5000', /^The silence .* must be a number of milliseconds, or empty/],
  ])('refuses %s = %s, naming the field', (field, value, message) => {
    const r = parse({ [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([field]);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });

  it('says what each limit is, and how to leave it to the default', () => {
    expect(hangLimitProblem(0, '--stall-idle', 'left out')).toBe(
      '--stall-idle must be from 1 s to 600 s, or left out to derive it from the model’s measured time to first token.',
    );
    expect(hangLimitProblem(30_000, '--stall-idle')).toBeNull();
  });
});
