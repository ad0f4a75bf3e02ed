import { describe, expect, it } from 'vitest';
import { measureIntervalCoverage } from '../metrics/intervalCoverage';
import { buildReport } from './buildReport';
import { testReportInput } from './testing/reportInput';

describe('the report says what the evidence says', () => {
  const vm = buildReport(testReportInput({ quality: 'conflicting' }));

  it('gives Not yet, never Yes, when ROUGE favours the student and the blind ratings do not', () => {
    expect(vm.cover.verdict).toBe('unclear');
    expect(vm.cover.answer).toBe('Not yet: the evidence disagrees');
    const reasons = vm.cover.reasons.join('\n');
    expect(reasons).toMatch(
      /ROUGE against the references \(ROUGE-L F1\): student − teacher \+0\.015 \[\+0\.\d{3}, \+0\.\d{3}\] on 20 paragraphs, tolerance −0\.030 \(default\); Student's t on the paired differences\. The whole interval is within tolerance\./,
    );
    expect(reasons).toMatch(
      /Your blind ratings \(Rating \(1–5\)\): student − teacher −1\.00 \[−1\.88, −0\.12\] on 5 paragraphs, tolerance −0\.25 \(default\); Student's t on the paired differences; student preferred on 0 of 5\. Thin evidence: 5 of the 10 paragraphs needed, leaning against the student\./,
    );
    expect(reasons).toContain(
      'Conflict: the student is within tolerance by ROUGE against the references but worse by your blind ratings.',
    );
    expect(vm.cover.settle[0]).toMatch(/^decide which source speaks for the workload/);
    expect(vm.cover.settle).toContain('rate 5 more paragraphs blind');
  });

  it('names the blind ratings among what the report rests on', () => {
    expect(vm.cover.basis.find((b) => b.label === 'Quality')?.text).toBe(
      'ROUGE-L F1, 20 paragraphs scored; blind ratings on 5 paragraphs',
    );
  });

  it('lists every decisive source with its interval, method and tolerance', () => {
    const rows = vm.summary.evidence?.rows ?? [];
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      [
        'Your blind ratings · Rating (1–5)',
        '5',
        '−0.25 (default)',
        'yes (default)',
        'too few paragraphs',
      ],
      [
        'ROUGE against the references · ROUGE-L F1',
        '20',
        '−0.030 (default)',
        'yes (default)',
        'within tolerance',
      ],
    ]);
    expect(rows[0]?.[1]).toBe('−1.00 [−1.88, −0.12]; preferred 0 of 5');
    expect(rows[0]?.[2]).toBe("Student's t on the paired differences");
  });

  it('ends with the measured coverage of its intervals', () => {
    const table = measureIntervalCoverage();
    expect(vm.method.coverage.columns).toEqual([
      'Paragraphs (n)',
      'Trials',
      'ROUGE-like scores (% covered)',
      '1–5 ratings (% covered)',
    ]);
    expect(vm.method.coverage.rows.map((r) => r[0])).toEqual(['5', '10', '20', '50']);
    const at10 = table.rows
      .filter((r) => r.n === 10)
      .map((r) => `${(r.coverage * 100).toFixed(1)}%`);
    expect(vm.method.coverage.rows[1]).toEqual(['10', '2,000', ...at10]);
  });

  it('says No when one decisive source is wholly beyond tolerance and none says otherwise', () => {
    const no = buildReport(testReportInput());
    expect(no.cover.answer).toBe('No: Llama 3 8B falls short on quality');
    expect(no.cover.settle).toEqual([]);
  });
});

describe('a report whose only quality scores are ROUGE against the teacher', () => {
  // No reference summaries (as in a large batch run): the metric failures are counted on by
  // default, ROUGE-L against the reference, has no scores, while ROUGE against the teacher has.
  const vm = buildReport(testReportInput({ paragraphs: 1200, quality: 'vsTeacherOnly' }));
  const text = [
    ...vm.cover.basis.map((b) => b.text),
    ...vm.summary.sentences,
    ...vm.summary.figures.map((f) => `${f.text} ${f.note}`),
  ].join('\n');

  it('names the scores it has and the metric that has none, and never says quality is unscored', () => {
    expect(vm.cover.basis.find((b) => b.label === 'Quality')?.text).toBe(
      'ROUGE vs teacher on 1,200 paragraphs; failures are counted on ROUGE vs reference · ROUGE-L F1, which has no scores',
    );
    expect(vm.summary.sentences).toContain(
      'Failures under the bar are counted on ROUGE vs reference · ROUGE-L F1, which has no scores, so the quality gap is not measured.',
    );
    expect(text).not.toMatch(/not scored yet|has not been scored|no quality scores/);
  });

  it('writes the evidence table’s paragraph count with thousands separators', () => {
    const rows = vm.summary.evidence?.rows ?? [];
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['ROUGE against the teacher · ROUGE-L F1', '1,200'],
    ]);
  });
});
