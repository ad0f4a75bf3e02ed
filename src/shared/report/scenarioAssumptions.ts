import { isOverridden } from '../pricing/priceOrigin';
import type { ModelPrice } from '../domain/experiment';
import { formatNumber, formatPercent, formatUsd } from '../format';
import type { RoiOutputs } from '../roi/computeRoi';
import type { Scenario, ScenarioPrice } from '../roi/scenario';
import { modelName } from './names';
import type { PriceRow, ScenarioSection } from './reportSchema';

/** What a scenario assumes, line by line, and every price it uses with its source and date. */

const per1k = (x: number) => `${formatUsd(x)} per 1,000`;
type Side = Pick<
  Scenario['teacher'],
  'modelId' | 'inputTokensPerRequest' | 'outputTokensPerRequest' | 'price'
>;

const tokensText = (side: Side) =>
  `${formatNumber(side.inputTokensPerRequest, 1)} in / ${formatNumber(side.outputTokensPerRequest, 1)} out per request`;

const TERMS = {
  noCommitment: 'no commitment',
  oneMonth: '1-month term',
  sixMonths: '6-month term',
};

function servingText(s: Scenario): string {
  const v = s.student.serving;
  if (v.kind === 'onDemand') return 'on demand, per token';
  if (v.kind === 'batch') {
    return `${formatPercent(v.batchShare, 0)} of traffic as batch at ${formatNumber(s.student.price.batchMultiplier, 2)}× the on-demand price`;
  }
  if (v.kind === 'customModelOnDemand') {
    return `on-demand custom-model deployment at ${per1k(v.inputUsdPer1k)} in / ${per1k(v.outputUsdPer1k)} out (custom-model rates)`;
  }
  const units = v.unitsFollowVolume
    ? `units follow the volume (at least ${v.modelUnits}, peak factor ${formatNumber(v.peakFactor, 2)})`
    : `${v.modelUnits} fixed model unit${v.modelUnits === 1 ? '' : 's'}`;
  return `provisioned: ${units} at ${formatUsd(v.usdPerHourPerUnit)}/hour (${TERMS[v.term]}), capacity ${formatNumber(v.capacityTokensPerMinutePerUnit)} tokens/minute per unit (${v.capacityBasis})`;
}

function distillationText(s: Scenario, roi: RoiOutputs): string {
  const d = s.distillation;
  if (d.kind === 'baseModelAsIs') return 'none: the student is a base model used as it is';
  const inv = roi.investment;
  if (inv.actualDistillationUsd !== null) {
    return `already run: it cost ${formatUsd(inv.actualDistillationUsd)}${d.actualCostSource ? ` (${d.actualCostSource})` : ''}`;
  }
  const pairs = `${formatNumber(d.prompts)} prompts × ${formatNumber(d.expansionFactor, 2)} expansion = ${formatNumber(inv.trainingPairs)} pairs${inv.pairsCapped ? ' (capped at 15,000 per job)' : ''}`;
  const data =
    d.dataSource === 'invocationLogs'
      ? 'responses reused from invocation logs (no teacher calls)'
      : `${formatNumber(inv.teacherCalls)} teacher calls`;
  return `${pairs}, ${data}, ${d.epochs} epochs, ${formatNumber(roi.investment.trainingTokens)} training tokens at ${per1k(d.trainingUsdPer1kTokens)}; synthetic data ${formatUsd(roi.investment.syntheticDataUsd)}, training ${formatUsd(roi.investment.trainingUsd)}`;
}

function qualityText(s: Scenario, roi: RoiOutputs): string {
  const q = s.quality;
  // The distilled student's share is an assumption or an estimate, and the report says which.
  const basis = roi.studentQuality.note ? ` ${roi.studentQuality.note}` : '';
  const ci = q.studentFailureShareCi
    ? ` [${formatPercent(q.studentFailureShareCi.low)}, ${formatPercent(q.studentFailureShareCi.high)}]`
    : '';
  return `teacher ${formatPercent(q.teacherFailureShare)}, student ${formatPercent(q.studentFailureShare)}${ci}; each failure costs ${formatUsd(q.usdPerFailure)}.${basis}`;
}

export function scenarioInputs(s: Scenario, roi: RoiOutputs): ScenarioSection['inputs'] {
  return [
    {
      label: 'Volume',
      text: `${formatNumber(s.volume.requestsPerMonth)} requests/month, growing ${formatPercent(s.volume.monthlyGrowth)} a month`,
    },
    { label: `Tokens, ${modelName(s.teacher.modelId)}`, text: tokensText(s.teacher) },
    { label: `Tokens, ${modelName(s.student.modelId)}`, text: tokensText(s.student) },
    { label: 'Student serving', text: servingText(s) },
    {
      label: 'Custom model storage',
      text:
        s.distillation.kind === 'baseModelAsIs'
          ? 'none'
          : `${formatUsd(s.student.storageUsdPerMonth)}/month`,
    },
    { label: 'Distillation', text: distillationText(s, roi) },
    {
      label: 'Engineering',
      text: `${formatNumber(s.engineering.hours, 1)} hours × ${formatUsd(s.engineering.usdPerHour)}/hour = ${formatUsd(roi.investment.engineeringUsd)}`,
    },
    { label: 'Failure shares', text: qualityText(s, roi) },
    ...(roi.batch ? [{ label: 'Batch', text: roi.batch.notes.join(' ') }] : []),
    {
      label: 'Finance',
      text: `${s.finance.horizonMonths}-month horizon, yearly discount rate ${formatPercent(s.finance.yearlyDiscountRate)}`,
    },
  ];
}

const differs = (p: ScenarioPrice, m: ModelPrice | undefined) =>
  m !== undefined && (p.inputUsdPer1k !== m.inputUsdPer1k || p.outputUsdPer1k !== m.outputUsdPer1k);

function priceRow(side: Side, role: string, measured: readonly ModelPrice[]): PriceRow {
  const p = side.price;
  const source = p.source ?? 'not stated';
  return {
    modelName: modelName(side.modelId),
    role,
    inputText: per1k(p.inputUsdPer1k),
    outputText: per1k(p.outputUsdPer1k),
    source,
    asOf: p.asOf ?? 'not stated',
    // Marked when it is not a catalog price, or not the price the experiment ran under.
    overridden:
      (p.origin !== undefined && isOverridden(p.origin)) ||
      differs(
        p,
        measured.find((m) => m.modelId === side.modelId),
      ),
  };
}

export function scenarioPrices(s: Scenario, measured: readonly ModelPrice[]): PriceRow[] {
  const rows = [priceRow(s.teacher, 'teacher', measured), priceRow(s.student, 'student', measured)];
  const v = s.student.serving;
  const extra = (role: string, text: string, source: string | undefined) =>
    rows.push({
      modelName: modelName(s.student.modelId),
      role,
      inputText: text,
      outputText: '',
      source: source ?? 'not stated',
      asOf: s.student.price.asOf ?? 'not stated',
      overridden: false,
    });
  if (v.kind === 'provisioned')
    extra('provisioned hour', `${formatUsd(v.usdPerHourPerUnit)}/unit`, v.hourlyRateSource);
  if (s.distillation.kind === 'distill') {
    extra(
      'training',
      per1k(s.distillation.trainingUsdPer1kTokens),
      s.distillation.trainingPriceSource,
    );
    extra('storage', `${formatUsd(s.student.storageUsdPerMonth)}/month`, s.student.storageSource);
  }
  return rows;
}
