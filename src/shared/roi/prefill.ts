/**
 * Prefilling a scenario from an experiment: each side's mean tokens per request from its
 * measured runs and the student's failure shares from its scores (measurements.ts), and prices
 * from the price book (catalog plus the analyst's overrides), falling back to the price the
 * experiment ran under for a model the book does not know. Everything else (volume, serving, investment, finance)
 * stays as the analyst set it. Each step says what it did, so the screen can show where every
 * prefilled figure came from.
 */
import { findModel } from '../pricing/models';
import { findPrice } from '../pricing/findPrice';
import type { PriceCatalog, PriceEntry } from '../pricing/priceSchemas';
import { formatNumber, formatPercent, formatUsd } from '../format';
import type { RoiEvidence } from './evidence';
import {
  measuredQualityOf,
  tokenProfileOf,
  withMeasurements,
  type TokenProfile,
} from './measurements';
import type { ScenarioInput, ScenarioPrice } from './scenario';
import { scenarioPriceFromEntry, scenarioPriceFromExperiment } from './scenarioBuilders';

export const displayNameOf = (modelId: string): string =>
  findModel(modelId)?.displayName ?? modelId;

export interface PriceChoice {
  price: ScenarioPrice;
  from: 'priceBook' | 'experiment';
  /** The book's entry, when the price came from it (for storage, training, hourly rates). */
  entry: PriceEntry | null;
}

/** The book's price for a model in a region; else the price the experiment ran under. */
export function scenarioPriceFor(
  modelId: string,
  region: string,
  priceBook: PriceCatalog,
  evidence: RoiEvidence | null,
): PriceChoice | null {
  const found = findPrice(modelId, region, priceBook);
  if (found.found) {
    return { price: scenarioPriceFromEntry(found.entry), from: 'priceBook', entry: found.entry };
  }
  const frozen = evidence?.prices.find((p) => p.modelId === modelId);
  if (!frozen) return null;
  const price = scenarioPriceFromExperiment(frozen);
  return {
    // Said in the source, because the calculator's prices otherwise come from the book.
    price: { ...price, source: `price the experiment ran under: ${price.source}` },
    from: 'experiment',
    entry: null,
  };
}

export interface Prefill {
  scenario: ScenarioInput;
  /** One line per prefilled group of figures, saying where it came from. */
  notes: string[];
}

function tokenNote(role: string, modelId: string, p: TokenProfile | null): string {
  const name = displayNameOf(modelId);
  if (!p) return `${role} ${name}: no successful runs with reported usage; tokens kept as typed.`;
  return `${role} ${name}: ${formatNumber(p.inputTokens, 1)} in / ${formatNumber(p.outputTokens, 1)} out tokens per request, the mean of ${formatNumber(p.runs)} measured runs.`;
}

function priceNote(modelId: string, choice: PriceChoice | null): string | null {
  if (!choice) return `${displayNameOf(modelId)}: no price in the book or the experiment; kept.`;
  if (choice.from === 'experiment') {
    return `${displayNameOf(modelId)}: not in the price book for this region, so the price the experiment ran under (${formatUsd(choice.price.inputUsdPer1k)} / ${formatUsd(choice.price.outputUsdPer1k)} per 1K tokens).`;
  }
  return null;
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
 * The scenario with both models priced from the book (or, for a model it lacks, the price the
 * experiment ran under), and the student's hourly rate, training price and storage wherever the
 * book knows them. Used after the analyst saves or deletes an override, and by the prefill.
 */
export function withBookPrices(
  base: ScenarioInput,
  priceBook: PriceCatalog,
  evidence: RoiEvidence | null,
): ScenarioInput {
  const teacher = scenarioPriceFor(base.teacher.modelId, base.teacher.region, priceBook, evidence);
  const student = scenarioPriceFor(base.student.modelId, base.student.region, priceBook, evidence);
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
  priceBook: PriceCatalog,
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
    priceNote(teacherId, scenarioPriceFor(teacherId, region, priceBook, evidence)),
    priceNote(studentModelId, scenarioPriceFor(studentModelId, region, priceBook, evidence)),
    quality
      ? `Failure shares on ${quality.metric} below ${formatNumber(quality.bar, 2)}, ${formatNumber(quality.n)} paragraphs: teacher ${formatPercent(quality.teacherFailureShare)}, student ${formatPercent(quality.studentFailureShare)} (95 % CI ${formatPercent(quality.studentCi.low)}–${formatPercent(quality.studentCi.high)}).`
      : `Failure shares: not measured for ${displayNameOf(studentModelId)} (${evidence.quality.find((q) => q.studentModelId === studentModelId)?.problem ?? 'no scores yet'}); typed values kept.`,
  ].filter((n): n is string => n !== null);
  return { scenario: withBookPrices(measured, priceBook, evidence), notes };
}
