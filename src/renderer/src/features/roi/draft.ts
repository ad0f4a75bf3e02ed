/**
 * The scenario being edited. It is a ScenarioInput that may hold NaN where a figure is unknown
 * (a provisioned hourly rate, a training price, storage, a unit's capacity): the sources do not
 * give those, so the screen asks for them instead of inventing one, and the draft does not parse
 * until they are entered. Pure functions, no React, so they are unit-tested on their own.
 */
import type { z } from 'zod';
import { findPrice } from '../../../../shared/pricing/findPrice';
import type {
  PriceCatalog,
  PriceEntry,
  ProvisionedTerm,
} from '../../../../shared/pricing/priceSchemas';
import {
  readInput,
  scenarioProblems,
  writeInput,
  type Scenario,
  type ScenarioInput,
} from '../../../../shared/roi';

export type Draft = ScenarioInput;

/** An unknown figure: empty in its field, and the draft will not parse until it is entered. */
export const UNKNOWN = Number.NaN;

export const readDraft = (d: Draft, path: string): number | undefined =>
  readInput(d as Scenario, path.split('.'));

export const writeDraft = (d: Draft, path: string, value: number): Draft =>
  writeInput(d as Scenario, path.split('.'), value) as Draft;

function studentEntry(d: Draft, book: PriceCatalog): PriceEntry | null {
  const found = findPrice(d.student.modelId, d.student.region, book);
  return found.found ? found.entry : null;
}

const known = (v: number | null | undefined): number => (v == null ? UNKNOWN : v);

export type ServingKind = Draft['student']['serving']['kind'];

/** Switches the student's serving, taking the book's hourly rate where it has one. */
export function withServingKind(d: Draft, kind: ServingKind, book: PriceCatalog): Draft {
  const current = d.student.serving;
  if (current.kind === kind) return d;
  let serving: Draft['student']['serving'];
  if (kind === 'onDemand') serving = { kind };
  // One share on both sides (like-for-like, roi-model.md §2): the teacher's follows unless set.
  else if (kind === 'batch') serving = { kind, batchShare: 1 };
  else if (kind === 'customModelOnDemand') {
    // The custom-model per-token rates are not in the catalog yet: asked for, never invented.
    serving = { kind, inputUsdPer1k: UNKNOWN, outputUsdPer1k: UNKNOWN };
  } else {
    const term: ProvisionedTerm = 'oneMonth';
    serving = {
      kind,
      modelUnits: 1,
      term,
      usdPerHourPerUnit: known(studentEntry(d, book)?.provisionedUsdPerHourPerUnit[term].value),
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
  const rate = studentEntry(d, book)?.provisionedUsdPerHourPerUnit[term].value;
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
    return {
      ...d,
      distillation: { kind },
      student: { ...d.student, storageUsdPerMonth: Number.isNaN(storage) ? 0 : storage },
    };
  }
  const entry = studentEntry(d, book);
  return {
    ...d,
    distillation: {
      kind,
      prompts: 5_000,
      epochs: 2,
      trainingUsdPer1kTokens: known(entry?.trainingUsdPer1kTokens.value),
    },
    student: { ...d.student, storageUsdPerMonth: known(entry?.storageUsdPerMonth.value) },
  };
}

/** What each unknown-figure path asks for, for the message above the outputs. */
const ASKS: Record<string, string> = {
  'student.serving.usdPerHourPerUnit': 'the hourly rate per model unit',
  'student.serving.capacityTokensPerMinutePerUnit': 'the tokens per minute one model unit carries',
  'distillation.trainingUsdPer1kTokens': 'the training price per 1,000 tokens',
  'student.storageUsdPerMonth': 'the custom model storage per month',
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
