import { originOfModelPrice } from '../pricing/priceBook';
import { describeOrigin, isOverridden } from '../pricing/priceOrigin';
import type { Experiment } from '../domain/experiment';
import type { RunRecord } from '../domain/run';
import { formatNumber, formatUsd } from '../format';
import { metricInfo } from '../quality/metricKeys';
import type { QualityReport } from '../quality/reportSchema';
import { DEFAULT_REQUESTS_PER_MONTH } from './measuredScenario';
import { formatReportDate, modelName } from './names';
import type { PriceRow, ReportViewModel } from './reportSchema';
import { formatPoints } from './figures';
import { QUALITY_TOLERANCE } from './verdict';

/** The words around the figures: what the report rests on, how it was measured, its limits. */

export interface Basis {
  paragraphs: number;
  calls: number;
  failed: number;
  firstCall: string | null;
  lastCall: string | null;
}

export function basisOf(runs: readonly RunRecord[], paragraphs: number): Basis {
  const starts = runs.map((r) => r.startedAt).sort();
  const ends = runs.map((r) => r.finishedAt).sort();
  return {
    paragraphs,
    calls: runs.length,
    failed: runs.filter((r) => r.status === 'error').length,
    firstCall: starts[0] ?? null,
    lastCall: ends[ends.length - 1] ?? null,
  };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

export function coverBasis(
  e: Experiment,
  datasetName: string,
  b: Basis,
  quality: QualityReport | null,
  scenarioNames: readonly string[],
): ReportViewModel['cover']['basis'] {
  const c = e.config;
  const first = b.firstCall ? formatReportDate(b.firstCall) : null;
  const last = b.lastCall ? formatReportDate(b.lastCall) : null;
  const period = !first || !last ? '' : first === last ? `, on ${first}` : `, ${first} to ${last}`;
  const key = quality?.settings.failureMetric;
  const scored = key ? (quality?.metrics.find((m) => m.key === key)?.perModel[0]?.n ?? 0) : 0;
  return [
    { label: 'Experiment', text: `${c.name} (${e.id})` },
    {
      label: 'Paragraphs',
      text: `${plural(b.paragraphs, 'paragraph')} from "${datasetName}", ${plural(c.repeats, 'call')} per model each`,
    },
    {
      label: 'Calls',
      text: `${plural(b.calls, 'call')} to Amazon Bedrock, ${formatNumber(b.failed)} failed${period}`,
    },
    { label: 'Region', text: c.region },
    { label: 'Models', text: [c.teacherModelId, ...c.studentModelIds].map(modelName).join(', ') },
    {
      label: 'Quality',
      text:
        key && scored > 0
          ? `${metricInfo(key).label}, ${plural(scored, 'paragraph')} scored`
          : 'not scored yet',
    },
    { label: 'Scenarios', text: scenarioNames.join('; ') },
  ];
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
    `A student counts as good enough when it fails the quality bar at most ${formatPoints(QUALITY_TOLERANCE).replace('+', '')} more often than the teacher.`,
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
      ],
    },
    {
      title: 'Cost',
      paragraphs: [
        "A call's cost is its input and output tokens times the price per 1,000 tokens the experiment ran under. A scenario scales the mean tokens per request to a monthly volume: monthly saving = teacher's cost − student's cost − the cost of extra failures; payback is the month the cumulative saving covers the one-off investment; break-even is the volume at which both cost the same over the horizon.",
      ],
    },
    {
      title: 'Quality',
      paragraphs: info
        ? [
            `Quality is ${info.label} (${info.group}); an output fails when it scores below ${formatNumber(bar ?? info.defaultBar, info.decimals)}. The paragraph is the unit: repeats of one paragraph are averaged first.`,
            ...(quality?.judge.modelId
              ? [
                  `The LLM judge (${modelName(quality.judge.modelId)}) answered ${formatNumber(quality.judge.answered)} times for ${formatUsd(quality.judge.costUsd)}, counted apart from the experiment's cost.`,
                ]
              : []),
            `A 95% interval is the range that resampling the paragraphs ${formatNumber(resamples)} times puts the figure in 95 times out of 100: a plausible range for the true value on texts like these, not a guarantee. Teacher and student are resampled on the same paragraphs (paired), so their difference has its own, narrower interval.`,
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
  return { sections, limits };
}
