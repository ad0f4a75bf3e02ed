import { describe, expect, it } from 'vitest';
import { buildQualityReport } from '../quality/qualityReport';
import { defaultQualitySettings } from '../quality/qualitySettings';
import { computeRoi } from '../roi/computeRoi';
import { makeScenario } from '../roi/scenarioFixtures';
import {
  conflictingQuality,
  S,
  testExperiment,
  testParagraphs,
  testRuns,
  T,
} from '../report/testing/reportInput';
import { studentEvidence } from './decisionEvidence';
import { decideMove } from './verdict';

const e = testExperiment();
const paragraphs = testParagraphs(20);
const runs = testRuns(paragraphs, [T, S]);

describe('studentEvidence', () => {
  it('reads each source from the quality report, with its interval and defaults', () => {
    const ev = studentEvidence(conflictingQuality(e, paragraphs, runs), S);
    expect(ev.sources.map((s) => [s.source, s.n, s.decisive])).toEqual([
      ['human', 5, true],
      ['judge', 0, false],
      ['rougeReference', 20, true],
      ['rougeTeacher', 0, false],
    ]);
    const human = ev.sources[0]!;
    expect(human.estimate?.mean).toBeCloseTo(-1, 12);
    expect(human.preference).toEqual({ student: 0, ties: 0, of: 5 });
    expect(human).toMatchObject({ tolerance: 0.25, toleranceIsDefault: true });
  });

  it('keeps a judge whose every answer failed in the verdict, as unreadable', () => {
    const report = buildQualityReport({
      experimentId: e.id,
      experimentName: e.config.name,
      teacherModelId: T,
      studentModelIds: [S],
      paragraphs,
      scores: [],
      runs,
      judgeCalls: Array.from({ length: 4 }, () => ({
        promptId: 'jp1',
        status: 'invalid' as const,
        costUsd: 0.001,
      })),
      judgePrompt: {
        id: 'jp1',
        modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
        createdAt: 'x',
      },
      settings: defaultQualitySettings(),
      rougeStemmed: true,
    });
    const ev = studentEvidence(report, S);
    expect(ev.sources.find((s) => s.source === 'judge')).toMatchObject({
      decisive: true,
      n: 0,
      unreadable: 4,
    });
    const s = makeScenario();
    const v = decideMove({ scenario: s, roi: computeRoi(s), evidence: ev });
    expect(v.answer).toBe("Not yet: the judge's answers could not all be read");
    expect(v.settle).toContain(
      're-run the judge on its 4 unreadable answers, or mark the judge as not decisive',
    );
  });
});
