import { describe, expect, it } from 'vitest';
import { basisOf, callsText, methodSections } from './methodText';
import { testExperiment, testParagraphs, testQuality, testRuns } from './testing/reportInput';

const quality = (judge: { answered: number; failures: number; errors: number }) => {
  const e = testExperiment();
  const paragraphs = testParagraphs(12);
  const runs = testRuns(paragraphs, [e.config.teacherModelId, ...e.config.studentModelIds]);
  const q = testQuality(e, paragraphs, runs);
  const withJudge = {
    ...q,
    judge: { ...q.judge, ...judge, modelId: 'test.judge-v1:0', costUsd: 0.29 },
  };
  const method = methodSections(e, basisOf(runs, paragraphs.length), withJudge);
  return method.sections.find((s) => s.title === 'Quality')?.paragraphs.join(' ') ?? '';
};

describe('the report method says what the judge did', () => {
  it('counts the judge failures beside its answers, none counted as a score', () => {
    expect(quality({ answered: 0, failures: 150, errors: 10 })).toContain(
      'answered 0 times (judge failures, none counted as a score: 150 unreadable answers, 10 calls without an answer) for $0.29',
    );
  });

  it('says nothing of failures when there were none', () => {
    const text = quality({ answered: 24, failures: 0, errors: 0 });
    expect(text).toContain('answered 24 times for $0.29');
    expect(text).not.toContain('judge failures');
  });
});

describe('the cover counts the calls the report rests on', () => {
  const e = testExperiment();
  const paragraphs = testParagraphs(12);
  const runs = testRuns(paragraphs, [e.config.teacherModelId, ...e.config.studentModelIds]);
  const perParagraph = e.config.repeats * (1 + e.config.studentModelIds.length);

  it('names the planned calls never made, as a batch that left records without a result does', () => {
    const text = callsText(basisOf(runs.slice(0, 5), paragraphs.length), perParagraph);
    const planned = paragraphs.length * perParagraph;
    expect(text).toMatch(/^5 calls to Amazon Bedrock, 0 failed/);
    expect(text).toContain(`; ${planned - 5} of the ${planned} planned never made`);
  });

  it('says nothing of missing calls when every planned call was made', () => {
    expect(runs).toHaveLength(paragraphs.length * perParagraph);
    expect(callsText(basisOf(runs, paragraphs.length), perParagraph)).not.toContain('never made');
  });
});
