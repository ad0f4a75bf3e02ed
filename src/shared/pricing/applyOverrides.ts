/**
 * User price overrides on top of the catalog. An override keeps its own date and note, the
 * entry it touches is marked `overridden: true`, and the overridden figures cite the override as
 * their source, so a report can always tell a catalog price from one the user typed in.
 */
import { normalizeModelId } from './modelIds';
import type { KnownOrUnknown, PriceCatalog, PriceEntry, PriceOverride } from './priceSchemas';
import type { SourceRef } from './sources';

export interface AppliedOverrides {
  catalog: PriceCatalog;
  /** Overrides that could not be applied, with why (e.g. a new model without both prices). */
  ignored: { override: PriceOverride; reason: string }[];
}

const NOT_IN_CATALOG = 'Not in the built-in catalog; the entry was added by a user override.';

function knownFrom<T>(value: T | undefined, source: SourceRef, current: KnownOrUnknown<T>) {
  return value === undefined ? current : { value, sources: [source] };
}

/** The entry fields an override sets, named as `override.fields` records them. */
export function overriddenFields(o: PriceOverride): string[] {
  const fields: string[] = [];
  const mark = (name: string, value: unknown) => value !== undefined && fields.push(name);
  mark('inputUsdPer1k', o.inputUsdPer1k);
  mark('outputUsdPer1k', o.outputUsdPer1k);
  mark('batchMultiplier', o.batchMultiplier);
  const hourly = o.provisionedUsdPerHourPerUnit ?? {};
  mark('provisionedUsdPerHourPerUnit.noCommitment', hourly.noCommitment);
  mark('provisionedUsdPerHourPerUnit.oneMonth', hourly.oneMonth);
  mark('provisionedUsdPerHourPerUnit.sixMonths', hourly.sixMonths);
  mark('trainingUsdPer1kTokens', o.trainingUsdPer1kTokens);
  mark('storageUsdPerMonth', o.storageUsdPerMonth);
  return fields;
}

function withOverride(entry: PriceEntry, o: PriceOverride): PriceEntry {
  const source: SourceRef = { tag: 'override', ref: `User override of ${o.asOf}: ${o.note}` };
  const fields = overriddenFields(o);
  const hourly = o.provisionedUsdPerHourPerUnit ?? {};

  const bothTokenPrices = o.inputUsdPer1k !== undefined && o.outputUsdPer1k !== undefined;
  const anyTokenPrice = o.inputUsdPer1k !== undefined || o.outputUsdPer1k !== undefined;
  const p = entry.provisionedUsdPerHourPerUnit;
  return {
    ...entry,
    onDemand: {
      ...entry.onDemand,
      inputUsdPer1k: o.inputUsdPer1k ?? entry.onDemand.inputUsdPer1k,
      outputUsdPer1k: o.outputUsdPer1k ?? entry.onDemand.outputUsdPer1k,
      // A half-overridden pair still owes one figure to the original sources.
      sources: bothTokenPrices
        ? [source]
        : anyTokenPrice
          ? [source, ...entry.onDemand.sources]
          : entry.onDemand.sources,
    },
    batchMultiplier: knownFrom(o.batchMultiplier, source, entry.batchMultiplier),
    provisionedUsdPerHourPerUnit: {
      noCommitment: knownFrom(hourly.noCommitment, source, p.noCommitment),
      oneMonth: knownFrom(hourly.oneMonth, source, p.oneMonth),
      sixMonths: knownFrom(hourly.sixMonths, source, p.sixMonths),
    },
    trainingUsdPer1kTokens: knownFrom(
      o.trainingUsdPer1kTokens,
      source,
      entry.trainingUsdPer1kTokens,
    ),
    storageUsdPerMonth: knownFrom(o.storageUsdPerMonth, source, entry.storageUsdPerMonth),
    overridden: true,
    override: entry.override
      ? {
          asOf: o.asOf,
          note: `${entry.override.note}; ${o.note}`,
          fields: [...new Set([...entry.override.fields, ...fields])],
        }
      : { asOf: o.asOf, note: o.note, fields },
  };
}

function entryForNewModel(modelId: string, o: PriceOverride): PriceEntry | undefined {
  if (o.inputUsdPer1k === undefined || o.outputUsdPer1k === undefined) return undefined;
  const unknown = { value: null, unknownReason: NOT_IN_CATALOG };
  return {
    modelId,
    region: o.region,
    onDemand: {
      inputUsdPer1k: o.inputUsdPer1k,
      outputUsdPer1k: o.outputUsdPer1k,
      sources: [{ tag: 'override', ref: o.note }],
    },
    batchMultiplier: unknown,
    provisionedUsdPerHourPerUnit: { noCommitment: unknown, oneMonth: unknown, sixMonths: unknown },
    trainingUsdPer1kTokens: unknown,
    storageUsdPerMonth: unknown,
    asOf: o.asOf,
    overridden: false,
  };
}

/** Applies overrides in order: a later override of the same field wins. */
export function applyOverrides(
  catalog: PriceCatalog,
  overrides: readonly PriceOverride[],
): AppliedOverrides {
  const entries = [...catalog.entries];
  const ignored: AppliedOverrides['ignored'] = [];
  for (const o of overrides) {
    const { modelId } = normalizeModelId(o.modelId);
    const index = entries.findIndex((e) => e.modelId === modelId && e.region === o.region);
    const existing = index >= 0 ? entries[index] : entryForNewModel(modelId, o);
    if (!existing) {
      ignored.push({
        override: o,
        reason: `${o.modelId} in ${o.region} is not in the catalog: a new entry needs both input and output prices.`,
      });
      continue;
    }
    const updated = withOverride(existing, o);
    if (index >= 0) entries[index] = updated;
    else entries.push(updated);
  }
  return { catalog: { asOf: catalog.asOf, entries }, ignored };
}
