import { originOfModelPrice } from '../pricing/priceBook';
import { describeOrigin, isOverridden } from '../pricing/priceOrigin';
import type { Experiment } from '../domain/experiment';
import type { RunRecord } from '../domain/run';
import { formatNumber, formatUsd } from '../format';
import { metricInfo, rougeMetricKey, ROUGE_TARGETS } from '../quality/metricKeys';
import type { QualityReport } from '../quality/reportSchema';
import { PAIRED_SHARES_METHOD, PAIRED_T_METHOD } from '../metrics/pairedInterval';
import { MIN_DECISION_PARAGRAPHS } from '../decision/sourceFinding';
import { coverageTable } from './coverageTable';
import { DEFAULT_REQUESTS_PER_MONTH } from './measuredScenario';
import { formatReportDate, modelName } from './names';
import type { PriceRow, ReportViewModel } from './reportSchema';

/** The words around the figures: what the report rests on, how it was measured, its limits. */

export interface Basis {
  paragraphs: number;
  calls: number;
  failed: number;
  /** Calls made through Bedrock batch jobs: no latency or TTFT of their own. */
  batchCalls: number;
  firstCall: string | null;
  lastCall: string | null;
}

/** Judge failures, said beside its answers in the method (issue 11); empty when there are none. */
function judgeFailuresText(j: { failures: number; errors: number }): string {
  if (j.failures + j.errors === 0) return '';
  return ` (judge failures, none counted as a score: ${formatNumber(j.failures)} unreadable ${j.failures === 1 ? 'answer' : 'answers'}, ${formatNumber(j.errors)} ${j.errors === 1 ? 'call' : 'calls'} without an answer)`;
}

export function basisOf(runs: readonly RunRecord[], paragraphs: number): Basis {
  const starts = runs.map((r) => r.startedAt).sort();
  const ends = runs.map((r) => r.finishedAt).sort();
  return {
    paragraphs,
    calls: runs.length,
    failed: runs.filter((r) => r.status === 'error').length,
    batchCalls: runs.filter((r) => r.via === 'batch').length,
    firstCall: starts[0] ?? null,
    lastCall: ends[ends.length - 1] ?? null,
  };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/** Batch calls in the method: they have no latency, so the latency figures are on-demand only. */
function batchLatencyText(b: Basis): string {
  const none = b.batchCalls === b.calls;
  return `${none ? `All ${plural(b.calls, 'call')}` : `${plural(b.batchCalls, 'call')} of ${formatNumber(b.calls)}`} ran as Bedrock batch jobs. A batch call has no latency or time to first token of its own, so latency figures come from on-demand calls only${none ? ': this experiment has none, and neither the figures nor the verdict rest on latency' : ''}.`;
}

/**
 * The calls the report rests on, and the planned ones never made (a batch whose jobs ended
 * without some records, a paused or cancelled run): the cover never reads as a whole
 * experiment when it is part of one.
 */
export function callsText(b: Basis, callsPerParagraph: number): string {
  const planned = b.paragraphs * callsPerParagraph;
  const missing = planned - b.calls;
  const made = `${plural(b.calls, 'call')} to Amazon Bedrock, ${formatNumber(b.failed)} failed`;
  const period = callPeriod(b);
  if (missing <= 0) return `${made}${period}`;
  return `${made}${period}; ${formatNumber(missing)} of the ${formatNumber(planned)} planned never made`;
}

function callPeriod(b: Basis): string {
  const first = b.firstCall ? formatReportDate(b.firstCall) : null;
  const last = b.lastCall ? formatReportDate(b.lastCall) : null;
  return !first || !last ? '' : first === last ? `, on ${first}` : `, ${first} to ${last}`;
}

export function coverBasis(
  e: Experiment,
  datasetName: string,
  b: Basis,
  quality: QualityReport | null,
  scenarioNames: readonly string[],
): ReportViewModel['cover']['basis'] {
  const c = e.config;
  const key = quality?.settings.failureMetric;
  const scored = key ? (quality?.metrics.find((m) => m.key === key)?.perModel[0]?.n ?? 0) : 0;
  return [
    { label: 'Experiment', text: `${c.name} (${e.id})` },
    {
      label: 'Paragraphs',
      text: `${plural(b.paragraphs, 'paragraph')} from "${datasetName}", ${plural(c.repeats, 'call')} per model each`,
    },
    { label: 'Calls', text: callsText(b, c.repeats * (1 + c.studentModelIds.length)) },
    { label: 'Region', text: c.region },
    { label: 'Models', text: [c.teacherModelId, ...c.studentModelIds].map(modelName).join(', ') },
    { label: 'Quality', text: qualityBasis(quality, key, scored) },
    { label: 'Scenarios', text: scenarioNames.join('; ') },
  ];
}

/**
 * Every kind of quality evidence the report holds, so blind ratings, the judge and ROUGE against
 * the teacher show too, even when the metric failures are counted on has no scores.
 */
function qualityBasis(
  quality: QualityReport | null,
  key: QualityReport['settings']['failureMetric'] | undefined,
  scored: number,
): string {
  const count = (k: string) => quality?.metrics.find((m) => m.key === k)?.perModel[0]?.n ?? 0;
  const ratings = count('human.rating');
  const judged = count('judge.overall');
  const unreadable = (quality?.judge.failures ?? 0) + (quality?.judge.errors ?? 0);
  const failureGroup = key && scored > 0 ? metricInfo(key).group : null;
  const rouge = ROUGE_TARGETS.map((target) => rougeMetricKey('rougeL', target))
    .filter((k) => metricInfo(k).group !== failureGroup && count(k) > 0)
    .map((k) => `${metricInfo(k).group} on ${plural(count(k), 'paragraph')}`);
  const parts = [
    key && scored > 0 ? `${metricInfo(key).label}, ${plural(scored, 'paragraph')} scored` : null,
    ...rouge,
    ratings > 0 ? `blind ratings on ${plural(ratings, 'paragraph')}` : null,
    judged > 0 ? `LLM judge on ${plural(judged, 'paragraph')}` : null,
    unreadable > 0 ? `${plural(unreadable, 'judge answer')} unreadable or failed` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length > 0 && key && scored === 0)
    parts.push(
      `failures are counted on ${metricInfo(key).group} · ${metricInfo(key).label}, which has no scores`,
    );
  return parts.length > 0 ? parts.join('; ') : 'not scored yet';
}

export function experimentPriceRows(e: Experiment): PriceRow[] {
  const c = e.config;
  return c.prices.map((p) => ({
    modelName: modelName(p.modelId),
    role: p.modelId === c.teacherModelId ? 'teacher' : 'student',
    inputText: `${formatUsd(p.inputUsdPer1k)} per 1,000`,
    outputText: `${formatUsd(p.outputUsdPer1k)} per 1,000`,
    // In words from its origin: "typed for this experiment, …", never a raw source tag.
    source: describeOrigin(originOfModelPrice(p)),
    asOf: p.asOf,
    overridden: isOverridden(originOfModelPrice(p)),
  }));
}

export function assumptionNotes(usesMeasured: boolean): string[] {
  const notes = [
    'Prices marked "overridden" were typed in by the analyst, or differ from the price the experiment ran under.',
    'A month has 730 hours (8,760 / 12); money is in US dollars, before taxes and discounts.',
  ];
  if (usesMeasured) {
    notes.push(
      `No saved scenario was chosen, so the report uses the measured one: ${formatNumber(DEFAULT_REQUESTS_PER_MONTH)} requests a month, no growth, the student used as it is on demand, no one-off cost, the measured tokens, prices and failure shares, 12 months.`,
    );
  }
  return notes;
}

export function methodSections(
  e: Experiment,
  b: Basis,
  quality: QualityReport | null,
): ReportViewModel['method'] {
  const c = e.config;
  const key = quality?.settings.failureMetric;
  const info = key ? metricInfo(key) : null;
  const bar = key ? quality?.metrics.find((m) => m.key === key)?.bar : undefined;
  const resamples = quality?.options.resamples ?? 2000;
  const sections = [
    {
      title: 'Latency and tokens',
      paragraphs: [
        `Each of the ${plural(b.paragraphs, 'paragraph')} went to every model ${c.repeats === 1 ? 'once' : plural(c.repeats, 'time')} through Amazon Bedrock in ${c.region}, with the same prompt and settings (at most ${formatNumber(c.inference.maxTokens)} output tokens, temperature ${c.inference.temperature}, top-p ${c.inference.topP}).`,
        'Latency is the end-to-end time the app measured on a monotonic clock, from sending a request to its last token; time to first token (TTFT) is when the first text arrived. Token counts are the ones Bedrock reported for each call.',
        `Failed calls (${formatNumber(b.failed)} of ${formatNumber(b.calls)}) are counted apart and left out of latency, token and cost figures, so a fast error never makes a model look fast.`,
        ...(b.batchCalls > 0 ? [batchLatencyText(b)] : []),
      ],
    },
    {
      title: 'Cost',
      paragraphs: [
        "A call's cost is its tokens times the price per 1,000 tokens the experiment ran under. A scenario scales the mean tokens per request to a monthly volume. The monthly cost saving (teacher's cost − student's cost) is the headline; money from quality (extra failed outputs, or a gain only when its interval excludes zero) is its own line. NPV, payback and break-even count both.",
      ],
    },
    {
      title: 'Quality',
      paragraphs: info
        ? [
            `Quality is ${info.label} (${info.group}); an output fails when it scores below ${formatNumber(bar ?? info.defaultBar, info.decimals)}. The paragraph is the unit: repeats of one paragraph are averaged first.`,
            ...(quality?.judge.modelId
              ? [
                  `The LLM judge (${modelName(quality.judge.modelId)}) answered ${formatNumber(quality.judge.answered)} times${judgeFailuresText(quality.judge)} for ${formatUsd(quality.judge.costUsd)}, counted apart from the experiment's cost.`,
                ]
              : []),
            `A 95% interval is a plausible range for the true value on texts like these, not a guarantee; each names its method. Student − teacher uses ${PAIRED_T_METHOD} (failure shares: ${PAIRED_SHARES_METHOD}), which holds on few paragraphs (see the closing note); a single mean, the percentile bootstrap (${formatNumber(resamples)} resamples).`,
            `The verdict weighs each decisive source (by default every measured one but ROUGE against the teacher): Yes needs each whole interval within its tolerance on at least ${MIN_DECISION_PARAGRAPHS} paragraphs, one wholly beyond gives No, anything else gives Not yet. Defaults are marked "(default)".`,
          ]
        : [
            'The outputs have not been scored yet, so the report shows no quality figures and gives no recommendation on quality.',
          ],
    },
  ];
  const limits = [
    `The figures hold for texts like these ${plural(b.paragraphs, 'paragraph')}; a different mix of inputs can give different tokens, latency and quality.`,
    'Latency was measured from one machine at one time; production latency depends on network, load and quotas.',
    'Prices are list prices on the dates shown; negotiated discounts, free tiers and taxes are not included.',
    'ROUGE measures word overlap with a reference, not correctness; an LLM judge has biases of its own. Neither replaces reading the outputs (see the appendix).',
    "Volume, growth, one-off costs and the cost of a failure are the scenario's assumptions, not measurements.",
  ];
  if (b.paragraphs < 30) {
    limits.unshift(
      `Only ${plural(b.paragraphs, 'paragraph')}: intervals are wide and small differences are not conclusive.`,
    );
  }
  return { sections, limits, coverage: coverageTable() };
}
