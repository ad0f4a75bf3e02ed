/**
 * Prefilling a scenario from an experiment: each side's mean tokens per request from its
 * measured runs and the student's failure shares from its scores (measurements.ts), and prices
 * from the price book (resolvePrice): the price the experiment ran under, unless an override
 * was saved for this very scenario. Everything else (volume, serving, investment, finance)
 * stays as the analyst set it. Each step says what it did, so the screen can show where every
 * prefilled figure came from.
 */
import { modelName } from '../report/names';
import { resolvePrice, type PriceBook } from '../pricing/priceBook';
import type { PriceOrigin } from '../pricing/priceOrigin';
import type { PriceEntry } from '../pricing/priceSchemas';
import { formatNumber, formatPercent, formatUsd } from '../format';
import type { RoiEvidence } from './evidence';
import {
  measuredQualityOf,
  tokenProfileOf,
  withMeasurements,
  type TokenProfile,
} from './measurements';
import type { ScenarioInput, ScenarioPrice } from './scenario';
import { scenarioPriceOf } from './scenarioBuilders';

export interface PriceChoice {
  price: ScenarioPrice;
  origin: PriceOrigin;
  /** The book's entry with the overrides in scope (for storage, training, hourly rates). */
  entry: PriceEntry | null;
}

/** The price book's answer for one side of a scenario, or null when no layer prices it. */
export function scenarioPriceFor(
  modelId: string,
  region: string,
  book: PriceBook,
  evidence: RoiEvidence | null,
  scenarioId: string | null = null,
): PriceChoice | null {
  const r = resolvePrice(book, modelId, region, {
    scenarioId,
    ...(evidence && { experimentPrices: evidence.prices }),
  });
  if (!r.found) return null;
  return { price: scenarioPriceOf(r), origin: r.origin, entry: r.entry };
}

export interface Prefill {
  scenario: ScenarioInput;
  /** One line per prefilled group of figures, saying where it came from. */
  notes: string[];
}

function tokenNote(role: string, modelId: string, p: TokenProfile | null): string {
  const name = modelName(modelId);
  if (!p) return `${role} ${name}: no successful runs with reported usage; tokens kept as typed.`;
  return `${role} ${name}: ${formatNumber(p.inputTokens, 1)} in / ${formatNumber(p.outputTokens, 1)} out tokens per request, the mean of ${formatNumber(p.runs)} measured runs.`;
}

function priceNote(modelId: string, choice: PriceChoice | null): string | null {
  if (!choice) return `${modelName(modelId)}: no price in the book or the experiment; kept.`;
  return `${modelName(modelId)}: ${formatUsd(choice.price.inputUsdPer1k)} in / ${formatUsd(choice.price.outputUsdPer1k)} out per 1,000 tokens (${choice.price.source ?? ''}).`;
}

/** Hourly rate, training price and storage from the book, where it knows them. */
function studentExtras(base: ScenarioInput, entry: PriceEntry | null) {
  if (!entry)
    return { serving: base.student.serving, distillation: base.distillation, storage: {} };
  const serving = base.student.serving;
  const rate =
    serving.kind === 'provisioned' ? entry.provisionedUsdPerHourPerUnit[serving.term] : null;
  const training = entry.trainingUsdPer1kTokens;
  const storage = entry.storageUsdPerMonth;
  return {
    serving:
      serving.kind === 'provisioned' && rate?.value != null
        ? { ...serving, usdPerHourPerUnit: rate.value }
        : serving,
    distillation:
      base.distillation.kind === 'distill' && training.value !== null
        ? { ...base.distillation, trainingUsdPer1kTokens: training.value }
        : base.distillation,
    storage: storage.value === null ? {} : { storageUsdPerMonth: storage.value },
  };
}

/**
 * The scenario with both models priced by the book (for an experiment's scenario, the price it
 * ran under unless this scenario has its own override), and the student's hourly rate, training
 * price and storage wherever the book knows them. Used after the analyst saves or deletes an
 * override, and by the prefill.
 */
export function withBookPrices(
  base: ScenarioInput,
  book: PriceBook,
  evidence: RoiEvidence | null,
  scenarioId: string | null = null,
): ScenarioInput {
  const price = (side: { modelId: string; region: string }) =>
    scenarioPriceFor(side.modelId, side.region, book, evidence, scenarioId);
  const teacher = price(base.teacher);
  const student = price(base.student);
  const extras = studentExtras(base, student?.entry ?? null);
  return {
    ...base,
    teacher: teacher ? { ...base.teacher, price: teacher.price } : base.teacher,
    student: {
      ...base.student,
      ...(student && { price: student.price }),
      serving: extras.serving,
      ...extras.storage,
    },
    distillation: extras.distillation,
  };
}

export function prefillFromEvidence(
  base: ScenarioInput,
  evidence: RoiEvidence,
  studentModelId: string,
  book: PriceBook,
  scenarioId: string | null = null,
): Prefill {
  const region = evidence.region;
  const teacherId = evidence.teacherModelId;
  const teacherTokens = tokenProfileOf(evidence, teacherId);
  const studentTokens = tokenProfileOf(evidence, studentModelId);
  const quality = measuredQualityOf(evidence, studentModelId);
  const measured = withMeasurements(base, evidence, studentModelId, quality);
  const notes = [
    tokenNote('Teacher', teacherId, teacherTokens),
    tokenNote('Student', studentModelId, studentTokens),
    priceNote(teacherId, scenarioPriceFor(teacherId, region, book, evidence, scenarioId)),
    priceNote(studentModelId, scenarioPriceFor(studentModelId, region, book, evidence, scenarioId)),
    quality
      ? `Failure shares on ${quality.metric} below ${formatNumber(quality.bar, 2)}, ${formatNumber(quality.n)} paragraphs: teacher ${formatPercent(quality.teacherFailureShare)}, student ${formatPercent(quality.studentFailureShare)} (95 % CI ${formatPercent(quality.studentCi.low)}–${formatPercent(quality.studentCi.high)}).`
      : `Failure shares: not measured for ${modelName(studentModelId)} (${evidence.quality.find((q) => q.studentModelId === studentModelId)?.problem ?? 'no scores yet'}); typed values kept.`,
  ].filter((n): n is string => n !== null);
  return { scenario: withBookPrices(measured, book, evidence, scenarioId), notes };
}
