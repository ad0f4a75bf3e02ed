/** The runner's scheduling parts on their own: AIMD limit, retry decisions, call order. */
import { describe, expect, it } from 'vitest';
import type { ClassifiedError } from '../bedrock/errors';
import { AimdLimit } from './aimdLimit';
import { CallQueue } from './callQueue';
import { HangLimits } from './hangLimits';
import { ThrottleShare } from './throttleShare';
import { backoffMs, decide } from './retryPolicy';
import { DEFAULT_TUNING } from './runnerTypes';
import type { ExperimentConfig } from '../../shared/domain/experiment';
import type { Paragraph } from '../../shared/domain/dataset';
import { callKey } from '../db/repos/runs';

describe('AimdLimit', () => {
  it('halves once per overload, grows by one per round of saturated successes, stays in [1, max]', () => {
    const limit = new AimdLimit(8);
    const epoch = limit.epoch;
    expect(limit.pushBack(epoch)).toEqual({ from: 8, to: 4 });
    expect(limit.limit).toBe(4);
    // More throttles from calls sent before the decrease belong to the same overload.
    expect(limit.pushBack(epoch)).toBeUndefined();
    expect(limit.limit).toBe(4);
    for (let i = 0; i < 3; i++) expect(limit.success(true)).toBeUndefined();
    expect(limit.limit).toBe(4);
    expect(limit.success(true)).toEqual({ from: 4, to: 5 });
    expect(limit.limit).toBe(5);
    // Successes while slots sat empty say nothing about a higher limit.
    for (let i = 0; i < 20; i++) limit.success(false);
    expect(limit.limit).toBe(5);
    for (let i = 0; i < 10; i++) limit.pushBack(limit.epoch);
    expect(limit.limit).toBe(1);
    expect(limit.lowest).toBe(1);
    // Already at one: another throttle cannot lower it, and says so.
    expect(limit.pushBack(limit.epoch)).toBeUndefined();
    for (let i = 0; i < 100; i++) limit.success(true);
    expect(limit.limit).toBe(8);
  });
});

describe('ThrottleShare', () => {
  it('calls for a lower limit only while throttles are at least half of the recent attempts', () => {
    const share = new ThrottleShare(10, 0.5);
    expect(share.high()).toBe(false);
    share.note(true);
    expect(share.high()).toBe(true); // the first answer of a run is a throttle: 1 of 1
    // Three in ten throttled, the pattern of an account throttling 30 % at random: no.
    for (const t of [false, false, true, false, false, false, true, false, false]) share.note(t);
    expect(share.high()).toBe(false);
    // A quota the run exceeds refuses most of it: yes, and the oldest attempts drop out.
    for (let i = 0; i < 5; i++) share.note(true);
    expect(share.high()).toBe(true);
    expect(share.describe()).toBe('6 of the last 10 attempts');
    for (let i = 0; i < 6; i++) share.note(false);
    expect(share.high()).toBe(false);
  });
  it('with a share of 0, any throttle counts (the old rule)', () => {
    const share = new ThrottleShare(20, 0);
    share.note(false);
    expect(share.high()).toBe(true);
  });
});

describe('HangLimits', () => {
  const tuning = { ...DEFAULT_TUNING, stallFactor: 4, stallFloorMs: 500, stallCeilingMs: 30_000 };
  it('uses the fixed limit until a model has answered, then 4 × its slowest recent TTFT', () => {
    const hang = new HangLimits({ ...tuning, stallBeforeMeasuredMs: 10_000 });
    expect(hang.limitsFor('m')).toEqual({ firstEventMs: 10_000, idleMs: 10_000 });
    hang.observe('m', 300);
    hang.observe('m', 900);
    hang.observe('m', undefined); // a one-shot answer has no TTFT: nothing learnt
    expect(hang.limitsFor('m')).toEqual({ firstEventMs: 3_600, idleMs: 3_600 });
    // Another model is not judged by this one's pace.
    expect(hang.limitsFor('other').firstEventMs).toBe(10_000);
  });
  it('stays within the floor and the ceiling, forgets old TTFTs, and yields to set limits', () => {
    const hang = new HangLimits(tuning);
    hang.observe('fast', 20);
    expect(hang.limitsFor('fast').firstEventMs).toBe(500);
    hang.observe('slow', 60_000);
    expect(hang.limitsFor('slow').idleMs).toBe(30_000);
    // Sixteen faster answers push the slow one out of the window.
    for (let i = 0; i < 16; i++) hang.observe('slow', 1_000);
    expect(hang.limitsFor('slow').idleMs).toBe(4_000);
    const set = new HangLimits({ ...tuning, stallFirstEventMs: 7_000, stallIdleMs: 2_000 });
    set.observe('m', 100);
    expect(set.limitsFor('m')).toEqual({ firstEventMs: 7_000, idleMs: 2_000 });
  });
});

const classified = (over: Partial<ClassifiedError>): ClassifiedError => ({
  kind: 'server',
  retryable: true,
  failFastPerModel: false,
  userMessage: 'x',
  detail: 'x',
  ...over,
});

describe('retry decisions', () => {
  const tuning = { ...DEFAULT_TUNING, maxRequeues: 2, random: () => 1 };
  it('re-queues retryable failures up to maxRequeues, then records them', () => {
    expect(decide(classified({}), 0, tuning)).toEqual({ kind: 'requeue', delayMs: 100 });
    expect(decide(classified({}), 1, tuning)).toEqual({ kind: 'requeue', delayMs: 200 });
    // A throttle asks for a slower pace: the longer base.
    const throttled = classified({ kind: 'throttled' });
    expect(decide(throttled, 1, tuning)).toEqual({ kind: 'requeue', delayMs: 1_000 });
    expect(decide(classified({}), 2, tuning)).toEqual({ kind: 'record' });
  });
  it('blocks the model on fail-fast errors, gives cancelled calls back, records the rest', () => {
    expect(decide(classified({ failFastPerModel: true, retryable: false }), 0, tuning)).toEqual({
      kind: 'blockModel',
    });
    expect(decide(classified({ kind: 'cancelled', retryable: false }), 0, tuning)).toEqual({
      kind: 'giveBack',
    });
    expect(decide(classified({ kind: 'validation', retryable: false }), 0, tuning)).toEqual({
      kind: 'record',
    });
  });
  it('uses full jitter under a capped exponential ceiling', () => {
    const t = { ...DEFAULT_TUNING, requeueBaseMs: 100, requeueCapMs: 1_000 };
    expect(backoffMs(1, { ...t, random: () => 0.5 })).toBe(50);
    expect(backoffMs(3, { ...t, random: () => 1 })).toBe(400);
    expect(backoffMs(10, { ...t, random: () => 1 })).toBe(1_000);
    expect(backoffMs(2, { ...t, random: () => 0 })).toBe(0);
    expect(backoffMs(2, { ...t, retryBaseMs: 10, random: () => 1 }, 'timeout')).toBe(20);
  });
});

describe('CallQueue', () => {
  const config = {
    teacherModelId: 'T',
    studentModelIds: ['S'],
    repeats: 2,
    promptTemplate: 'Sum: {{paragraph}}',
  } as ExperimentConfig;
  const paragraphs = ['a', 'b'].map((id) => ({ id, text: `text ${id}` }) as Paragraph);
  const drain = (q: CallQueue) => {
    const out: string[] = [];
    for (let s = q.take(); s; s = q.take()) {
      out.push(`${s.modelId}:${s.paragraphId}:${s.repeatIndex}`);
      q.settled(s);
    }
    return out;
  };

  it('alternates models, repeat-major, and skips calls that have a result', () => {
    const q = new CallQueue(config, paragraphs, new Set([callKey('b', 'S', 0)]));
    expect(q.remaining()).toBe(7);
    q.prove('T');
    q.prove('S');
    expect(drain(q)).toEqual(['T:a:0', 'S:a:0', 'T:b:0', 'S:a:1', 'T:a:1', 'S:b:1', 'T:b:1']);
    expect(q.take()?.userText).toBeUndefined();
  });

  it('keeps an unproven model to one call in flight, and a blocked model to none', () => {
    const q = new CallQueue(config, paragraphs, new Set());
    const first = q.take();
    const second = q.take();
    expect([first?.modelId, second?.modelId]).toEqual(['T', 'S']);
    expect(first?.userText).toBe('Sum: text a');
    expect(q.take()).toBeUndefined(); // both models are waiting for their first answer
    q.prove('T');
    expect(q.take()?.modelId).toBe('T');
    expect(q.block('S', 'no access')).toBe(true);
    expect(q.block('S', 'again')).toBe(false);
    expect(q.blocked()).toEqual([{ modelId: 'S', reason: 'no access' }]);
    expect(q.remaining()).toBe(2);
    q.giveBack(second!);
    expect(q.remaining()).toBe(2); // a blocked model's calls are not taken back
  });

  it('hands a call given back before the model’s other pending calls', () => {
    const q = new CallQueue(config, paragraphs, new Set());
    q.prove('T');
    q.block('S', 'only T matters here');
    const t = q.take();
    q.settled(t!);
    q.giveBack(t!);
    expect(q.take()).toBe(t);
  });
});
