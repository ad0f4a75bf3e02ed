import { describe, expect, it } from 'vitest';
import { PAIRED_T_METHOD } from '../metrics/pairedInterval';
import { computeRoi } from '../roi/computeRoi';
import { makeScenario } from '../roi/scenarioFixtures';
import type { SourceEvidence, StudentEvidence } from './decisionEvidence';
import { paragraphsToSettle } from './sourceFinding';
import { decideMove, type VerdictKind } from './verdict';

type Patch = Partial<SourceEvidence> & { ci?: [number, number] };

function source(kind: SourceEvidence['source'], p: Patch = {}): SourceEvidence {
  const rating = kind === 'human' || kind === 'judge';
  const [low, high] = p.ci ?? [-0.01, 0.01];
  return {
    source: kind,
    label: {
      human: 'Your blind ratings',
      judge: 'LLM judge',
      rougeReference: 'ROUGE against the references',
      rougeTeacher: 'ROUGE against the teacher',
    }[kind],
    metric: rating ? (kind === 'human' ? 'human.rating' : 'judge.overall') : 'rougeL@reference',
    metricLabel: 'metric',
    decimals: rating ? 2 : 3,
    decisive: true,
    decisiveIsDefault: true,
    tolerance: rating ? 0.25 : 0.03,
    toleranceIsDefault: true,
    measure: 'difference',
    n: 20,
    estimate: { mean: (low + high) / 2, ci: { low, high }, method: PAIRED_T_METHOD },
    preference: null,
    unreadable: 0,
    ...p,
  };
}

const evidence = (...sources: SourceEvidence[]): StudentEvidence => ({
  studentModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  sources,
});

const s = makeScenario();
const roi = computeRoi(s);
const costly = makeScenario({ volume: { requestsPerMonth: 10, monthlyGrowth: 0 } });

interface Case {
  name: string;
  sources: SourceEvidence[];
  verdict: VerdictKind;
  answer: string;
  reason?: RegExp;
  settle?: RegExp;
}

const cases: Case[] = [
  {
    name: 'every decisive interval within tolerance on 10+ paragraphs',
    sources: [
      source('rougeReference', { ci: [-0.02, 0.01] }),
      source('human', { ci: [-0.2, 0.3] }),
    ],
    verdict: 'yes',
    answer: 'Yes: move to Claude 3 Haiku',
    reason: /The whole interval is within tolerance\./,
  },
  {
    name: 'a decisive interval wholly beyond its tolerance',
    sources: [source('human', { ci: [-1.8, -0.3] })],
    verdict: 'no',
    answer: 'No: Claude 3 Haiku falls short on quality',
    reason: /beyond tolerance/,
  },
  {
    name: 'ROUGE within, ratings against on thin evidence (the issue’s report)',
    sources: [
      source('rougeReference', { ci: [-0.02, 0.01] }),
      source('human', { n: 5, ci: [-1.8, -0.2], preference: { student: 0, ties: 0, of: 5 } }),
    ],
    verdict: 'unclear',
    answer: 'Not yet: the evidence disagrees',
    reason:
      /Conflict: the student is within tolerance by ROUGE against the references but worse by your blind ratings\./,
    settle: /rate 5 more paragraphs blind/,
  },
  {
    name: 'two conclusive sources that disagree',
    sources: [
      source('rougeReference', { ci: [-0.02, 0.01] }),
      source('human', { ci: [-1.8, -0.4] }),
    ],
    verdict: 'unclear',
    answer: 'Not yet: the evidence disagrees',
    settle: /decide which source speaks for the workload/,
  },
  {
    name: 'too few paragraphs, even with a tight interval',
    sources: [source('rougeReference', { n: 8, ci: [-0.01, 0.01] })],
    verdict: 'unclear',
    answer: 'Not yet: too few paragraphs',
    reason: /Thin evidence: 8 of the 10 paragraphs needed/,
    settle: /score 2 more paragraphs with reference summaries/,
  },
  {
    name: 'an interval straddling the tolerance',
    sources: [source('human', { n: 12, ci: [-0.5, 0.1] })],
    verdict: 'unclear',
    answer: 'Not yet: the intervals are too wide',
    reason: /straddles the tolerance/,
    settle: /rate \d+ more paragraphs blind/,
  },
  {
    name: 'judge answers that could not be read',
    sources: [source('judge', { unreadable: 3, ci: [-0.1, 0.1] })],
    verdict: 'unclear',
    answer: "Not yet: the judge's answers could not all be read",
    reason: /3 of the judge's answers could not be read/,
    settle: /re-run the judge on its 3 unreadable answers/,
  },
  {
    name: 'a decisive source with no data',
    sources: [source('human', { n: 0, estimate: null })],
    verdict: 'unclear',
    answer: 'Not yet: measure quality first',
    settle: /rate at least 10 paragraphs blind/,
  },
  {
    name: 'no decisive source at all',
    sources: [source('rougeReference', { decisive: false })],
    verdict: 'unclear',
    answer: 'Not yet: measure quality first',
    reason: /no evidence source is decisive/,
  },
  {
    name: 'a non-decisive source against the student does not count',
    sources: [
      source('rougeReference'),
      source('rougeTeacher', {
        decisive: false,
        ci: [0.1, 0.2],
        measure: 'similarity',
        tolerance: 0.35,
      }),
    ],
    verdict: 'yes',
    answer: 'Yes: move to Claude 3 Haiku',
  },
];

describe('decideMove', () => {
  it.each(cases)('$name → $verdict', (c) => {
    const v = decideMove({ scenario: s, roi, evidence: evidence(...c.sources) });
    expect(v.verdict).toBe(c.verdict);
    expect(v.answer).toBe(c.answer);
    if (c.reason) expect(v.reasons.join('\n')).toMatch(c.reason);
    if (c.settle) expect(v.settle.join('\n')).toMatch(c.settle);
    if (c.verdict !== 'unclear') expect(v.settle).toEqual([]);
    else expect(v.settle.length).toBeGreaterThan(0);
  });

  it('is No when the move does not pay in the base scenario, whatever the quality', () => {
    const v = decideMove({
      scenario: costly,
      roi: computeRoi(costly),
      evidence: evidence(source('human')),
    });
    expect(v.verdict).toBe('no');
    expect(v.answer).toBe('No: stay on Claude 3.5 Sonnet (v1)');
    expect(v.reasons[0]).toMatch(/does not pay within 24 months\.$/);
  });

  it('is Not yet without any quality evidence, never a Yes quality could overturn', () => {
    const v = decideMove({ scenario: s, roi, evidence: null });
    expect(v.verdict).toBe('unclear');
    expect(v.answer).toBe('Not yet: measure quality first');
    expect(v.reasons).toContain('Quality: not measured for this student.');
    expect(v.settle[0]).toMatch(/^measure quality on at least 10 paragraphs/);
  });

  it('prints each source with its interval, method, tolerance and whether it is a default', () => {
    const v = decideMove({
      scenario: s,
      roi,
      evidence: evidence(
        source('human', { n: 5, ci: [-1.8, -0.2], preference: { student: 0, ties: 0, of: 5 } }),
      ),
    });
    expect(v.reasons[1]).toBe(
      `Your blind ratings (metric): student − teacher −1.00 [−1.80, −0.20] on 5 paragraphs, tolerance −0.25 (default); ${PAIRED_T_METHOD}; student preferred on 0 of 5. Thin evidence: 5 of the 10 paragraphs needed, leaning against the student.`,
    );
    expect(v.reasons[0]).toMatch(
      /^Cost: Claude 3 Haiku costs \$[\d,.]+ a month less \([\d.]+% below the teacher's cost\); net present value over 24 months/,
    );
  });

  it('estimates the paragraphs that would settle a straddling interval', () => {
    // Half-width 0.3 at n = 12, 0.05 from the tolerance: 12 · 6² = 432 in all, 420 more.
    expect(paragraphsToSettle(source('human', { n: 12, ci: [-0.5, 0.1] }))).toBe(420);
    expect(paragraphsToSettle(source('human', { n: 12, ci: [-0.55, 0.05] }))).toBeNull();
  });

  it('rests on cost and quality only: batch calls bring no latency, and the reasons say so', () => {
    const quality = evidence(source('human', { ci: [-0.1, 0.1] }));
    const onDemand = decideMove({ scenario: s, roi, evidence: quality });
    const batchOnly = decideMove({
      scenario: s,
      roi,
      evidence: quality,
      latency: { teacher: 'batch-only', student: 'batch-only' },
    });
    // The same answer either way: no latency figure could have tipped it.
    expect(batchOnly.verdict).toBe(onDemand.verdict);
    expect(batchOnly.answer).toBe(onDemand.answer);
    expect(onDemand.reasons.join(' ')).not.toMatch(/Latency/);
    expect(batchOnly.reasons[1]).toBe(
      'Latency: not measured. Both models ran only as batch jobs, which report no latency or time to first token, so the verdict does not rest on latency; run on demand to measure it.',
    );
    const studentOnly = decideMove({
      scenario: s,
      roi,
      evidence: quality,
      latency: { teacher: 'on-demand', student: 'batch-only' },
    });
    expect(studentOnly.reasons[1]).toMatch(/^Latency: not measured\. Claude 3 Haiku ran only/);
    const mixed = decideMove({
      scenario: s,
      roi,
      evidence: quality,
      latency: { teacher: 'on-demand', student: 'on-demand-only-of-mixed' },
    });
    expect(mixed.reasons[1]).toBe(
      'Latency: from the on-demand calls only; batch calls report no latency or time to first token.',
    );
  });
});
