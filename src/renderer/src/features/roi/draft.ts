/**
 * The scenario being edited. It is a ScenarioInput that may hold NaN where a figure is unknown
 * (a provisioned hourly rate, a training price, storage, a unit's capacity): the sources do not
 * give those, so the screen asks for them instead of inventing one, and the draft does not parse
 * until they are entered. Pure functions, no React, so they are unit-tested on their own.
 */
import type { z } from 'zod';
import { findPrice } from '../../../../shared/pricing/findPrice';
import type { PriceCatalog, ProvisionedTerm } from '../../../../shared/pricing/priceSchemas';
import {
  distillationCheck,
  type DistillationCheck,
} from '../../../../shared/pricing/distillationPairs';
import {
  readInput,
  scenarioProblems,
  servingOptions,
  servingPricesFromEntry,
  writeInput,
  type Scenario,
  type ScenarioInput,
  type ServingOption,
  type ServingPrices,
} from '../../../../shared/roi';

export type Draft = ScenarioInput;

/** An unknown figure: empty in its field, and the draft will not parse until it is entered. */
export const UNKNOWN = Number.NaN;

export const readDraft = (d: Draft, path: string): number | undefined =>
  readInput(d as Scenario, path.split('.'));

export const writeDraft = (d: Draft, path: string, value: number): Draft =>
  writeInput(d as Scenario, path.split('.'), value) as Draft;

/** The student's serving prices in its region, from the book (nulls where it has none). */
function studentPrices(d: Draft, book: PriceCatalog): ServingPrices {
  const found = findPrice(d.student.modelId, d.student.region, book);
  return servingPricesFromEntry(found.found ? found.entry : null);
}

const known = (v: number | null | undefined): number => (v == null ? UNKNOWN : v);

export type ServingKind = Draft['student']['serving']['kind'];

/** The ways Bedrock serves this student, for the pair and region, with reasons for the rest. */
export function servingOptionsOf(d: Draft, book: PriceCatalog): ServingOption[] {
  return servingOptions({
    distilled: d.distillation.kind === 'distill',
    studentModelId: d.student.modelId,
    region: d.student.region,
    batchPriced: studentPrices(d, book).batchMultiplier !== null,
  });
}

/** Whether Bedrock distils this teacher into this student (the job in the teacher's region). */
export function distillationOfferOf(d: Draft): DistillationCheck {
  return distillationCheck(
    d.teacher.modelId,
    d.student.modelId,
    d.teacher.region,
    d.student.region,
  );
}

/** Like-for-like (the teacher's share follows the student's) or a teacher share set apart. */
export function withTeacherBatch(d: Draft, setApart: boolean): Draft {
  const { batchShare: _dropped, ...teacher } = d.teacher;
  if (!setApart) return { ...d, teacher };
  const s = d.student.serving;
  return { ...d, teacher: { ...teacher, batchShare: s.kind === 'batch' ? s.batchShare : 0 } };
}

/** Units that follow the volume (the count becomes the minimum) or a fixed count. */
export function withUnitsFollowVolume(d: Draft, follow: boolean): Draft {
  const s = d.student.serving;
  if (s.kind !== 'provisioned') return d;
  return { ...d, student: { ...d.student, serving: { ...s, unitsFollowVolume: follow } } };
}

/** The distilled student's failure share: the base student's (an assumption) or typed. */
export function withExpectedQuality(d: Draft, typed: boolean): Draft {
  const { expectedDistilledFailureShare: _dropped, ...quality } = d.quality;
  if (!typed) return { ...d, quality };
  return {
    ...d,
    quality: { ...quality, expectedDistilledFailureShare: quality.studentFailureShare },
  };
}

/** Switches the student's serving, taking the book's hourly rate where it has one. */
export function withServingKind(d: Draft, kind: ServingKind, book: PriceCatalog): Draft {
  const current = d.student.serving;
  if (current.kind === kind) return d;
  let serving: Draft['student']['serving'];
  if (kind === 'onDemand') serving = { kind };
  // One share on both sides (like-for-like, docs/roi-model.md §2): the teacher's follows unless set.
  else if (kind === 'batch') serving = { kind, batchShare: 1 };
  else if (kind === 'customModelOnDemand') {
    // Custom-model per-token rates where the price book has them, else asked for.
    const custom = studentPrices(d, book).customModel;
    serving = {
      kind,
      inputUsdPer1k: known(custom?.inputUsdPer1k),
      outputUsdPer1k: known(custom?.outputUsdPer1k),
    };
  } else {
    const term: ProvisionedTerm = 'oneMonth';
    serving = {
      kind,
      modelUnits: 1,
      term,
      usdPerHourPerUnit: known(studentPrices(d, book).provisionedUsdPerHourPerUnit[term]),
      // AWS publishes no throughput per model unit: the analyst's assumption, asked for.
      capacityTokensPerMinutePerUnit: UNKNOWN,
      capacityBasis: 'assumption',
    };
  }
  return { ...d, student: { ...d.student, serving } };
}

/** A new commitment term; the book's rate for it when known, else the figure already typed. */
export function withTerm(d: Draft, term: ProvisionedTerm, book: PriceCatalog): Draft {
  const serving = d.student.serving;
  if (serving.kind !== 'provisioned') return d;
  const rate = studentPrices(d, book).provisionedUsdPerHourPerUnit[term];
  return {
    ...d,
    student: {
      ...d.student,
      serving: { ...serving, term, usdPerHourPerUnit: rate ?? serving.usdPerHourPerUnit },
    },
  };
}

export type DistillationKind = Draft['distillation']['kind'];

/** Distil (training price and storage from the book, else asked for) or use a base model as-is. */
export function withDistillationKind(d: Draft, kind: DistillationKind, book: PriceCatalog): Draft {
  if (d.distillation.kind === kind) return d;
  if (kind === 'baseModelAsIs') {
    // Storage does not apply to a base model (s = 0), but the field must still parse.
    const storage = d.student.storageUsdPerMonth;
    return offeredServing(
      {
        ...d,
        distillation: { kind },
        student: { ...d.student, storageUsdPerMonth: Number.isNaN(storage) ? 0 : storage },
      },
      book,
    );
  }
  const prices = studentPrices(d, book);
  const distilled: Draft = {
    ...d,
    distillation: {
      kind,
      prompts: 5_000,
      epochs: 2,
      trainingUsdPer1kTokens: known(prices.trainingUsdPer1kTokens),
    },
    student: { ...d.student, storageUsdPerMonth: known(prices.storageUsdPerMonth) },
  };
  return offeredServing(distilled, book);
}

/** The draft with its serving moved to the first one Bedrock offers, if the current one is not. */
function offeredServing(d: Draft, book: PriceCatalog): Draft {
  const options = servingOptionsOf(d, book);
  if (options.some((o) => o.kind === d.student.serving.kind && o.offered)) return d;
  const first = options.find((o) => o.offered);
  return first ? withServingKind(d, first.kind, book) : d;
}

/** What each unknown-figure path asks for, for the message above the outputs. */
const ASKS: Record<string, string> = {
  'student.serving.usdPerHourPerUnit': 'the hourly rate per model unit',
  'student.serving.capacityTokensPerMinutePerUnit': 'the tokens per minute one model unit carries',
  'distillation.trainingUsdPer1kTokens': 'the training price per 1,000 tokens',
  'student.storageUsdPerMonth': 'the custom model storage per month',
  'student.serving.inputUsdPer1k': 'the custom-model input price per 1,000 tokens',
  'student.serving.outputUsdPer1k': 'the custom-model output price per 1,000 tokens',
};

/** Why a draft does not parse, in words: the unknown figures to enter first, then the rest. */
export function draftProblems(error: z.ZodError): string[] {
  const asks: string[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const issue of error.issues) {
    const ask = ASKS[issue.path.join('.')];
    if (ask) asks.push(ask);
    else rest.push(issue);
  }
  const other = scenarioProblems(rest);
  const unique = [...new Set(asks)];
  return [
    ...(unique.length > 0 ? [`Enter ${unique.join(', ')}: not found in sources.`] : []),
    ...other,
  ];
}
