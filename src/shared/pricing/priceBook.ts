/**
 * The price book: the one function that says what a model costs for an experiment or a
 * scenario, and why. The setup screen, the CLI, the judge, the ROI screen, the report and the
 * exports all ask it, so a price typed into the experiment form is the price every later figure
 * uses, and a saved override reaches only what it was scoped to.
 *
 * Layers, each replacing the one before for the figures it sets:
 *  1. the built-in catalog;
 *  2. overrides saved for every scenario (in the order they were made);
 *  3. the experiment's own price: typed for it, or frozen from 1–2 when it was set up, so a run
 *     is costed, reported and carried into ROI at the price it ran under;
 *  4. overrides saved for this one scenario: the analyst's deliberate "what if" on top of an
 *     experiment, which must not leak into any other scenario.
 */
import type { ModelPrice } from '../domain/experiment';
import { usdPer1k, type UsdPer1kTokens } from '../units';
import { applyOverrides, overriddenFields } from './applyOverrides';
import { findPrice } from './findPrice';
import { normalizeModelId } from './modelIds';
import { PRICE_CATALOG } from './priceCatalog';
import {
  describeOrigin,
  isOverridden,
  publisherOfStoredSource,
  publishersOf,
  type PriceOrigin,
} from './priceOrigin';
import type { PriceCatalog, PriceEntry, PriceOverride } from './priceSchemas';

/** A saved override and what it applies to: every scenario (null) or one scenario. */
export interface ScopedOverride {
  override: PriceOverride;
  scenarioId: string | null;
}

export interface PriceBook {
  catalog: PriceCatalog;
  overrides: readonly ScopedOverride[];
}

/** What the price is asked for: a scenario (for its scoped overrides) and/or an experiment. */
export interface PriceContext {
  scenarioId?: string | null;
  /** The experiment's own prices (its config's `prices`). */
  experimentPrices?: readonly ModelPrice[];
}

export type ResolvedPrice =
  | {
      found: true;
      modelId: string;
      inputUsdPer1k: UsdPer1kTokens;
      outputUsdPer1k: UsdPer1kTokens;
      origin: PriceOrigin;
      /** The catalog entry with the overrides in scope, for hourly, training and storage prices. */
      entry: PriceEntry | null;
      /** How the id was matched, when not exactly (inference profile, customization). */
      note?: string;
    }
  | { found: false; modelId: string; message: string };

export const priceBookOf = (
  overrides: readonly ScopedOverride[],
  catalog: PriceCatalog = PRICE_CATALOG,
): PriceBook => ({ catalog, overrides });

/** The book with no saved overrides: the built-in catalog only. */
export const CATALOG_ONLY: PriceBook = priceBookOf([]);

/**
 * A legacy experiment price (saved before origins were kept) read as an origin. The setup
 * screen and the CLI then froze bare catalog prices, so an overridden one was typed.
 */
export function originOfModelPrice(p: ModelPrice): PriceOrigin {
  if (p.origin) return p.origin;
  if (!p.overridden)
    return { kind: 'catalog', publisher: publisherOfStoredSource(p.source), asOf: p.asOf };
  const wordsOfTheTime = /^(Entered by the analyst|Given with --price)/.test(p.source);
  return wordsOfTheTime
    ? { kind: 'typed', asOf: p.asOf }
    : { kind: 'typed', asOf: p.asOf, note: p.source };
}

const sameModel = (a: string, b: string) =>
  normalizeModelId(a).modelId === normalizeModelId(b).modelId;

function applies(o: PriceOverride, modelId: string, region: string): boolean {
  return (
    o.region === region &&
    sameModel(o.modelId, modelId) &&
    (o.inputUsdPer1k !== undefined || o.outputUsdPer1k !== undefined)
  );
}

interface Layer {
  input: number;
  output: number;
  origin: PriceOrigin;
}

function overrideLayer(
  current: Layer | null,
  overrides: readonly PriceOverride[],
  scope: 'global' | 'scenario',
): Layer | null {
  let layer = current;
  for (const o of overrides) {
    const input = o.inputUsdPer1k ?? layer?.input;
    const output = o.outputUsdPer1k ?? layer?.output;
    // A new model needs both halves; half a price is no price.
    if (input === undefined || output === undefined) continue;
    layer = { input, output, origin: { kind: 'override', scope, note: o.note, asOf: o.asOf } };
  }
  return layer;
}

/** The overrides a scenario sees: every scenario's (null: only those), then its own. */
function overridesInScope(book: PriceBook, scenarioId: string | null) {
  const of = (id: string | null) =>
    book.overrides.filter((s) => s.scenarioId === id).map((s) => s.override);
  return { global: of(null), scoped: scenarioId === null ? [] : of(scenarioId) };
}

/**
 * The catalog as one scenario sees it: every scenario's overrides, then its own. Its hourly,
 * training, storage and batch figures are the ones `resolvePrice` returns in `entry`; the ROI
 * screen lists and prefills from it, so a scenario's own override shows there and nowhere else.
 */
export function scenarioCatalog(book: PriceBook, scenarioId: string | null): PriceCatalog {
  const { global, scoped } = overridesInScope(book, scenarioId);
  return applyOverrides(book.catalog, [...global, ...scoped]).catalog;
}

/**
 * Which saved override set each overridden figure of a model's entry for this scenario, by the
 * field names of `override.fields`: a scenario's own override wins over one for every scenario.
 */
export function overrideScopes(
  book: PriceBook,
  modelId: string,
  region: string,
  scenarioId: string | null,
): ReadonlyMap<string, 'global' | 'scenario'> {
  const { global, scoped } = overridesInScope(book, scenarioId);
  const scopes = new Map<string, 'global' | 'scenario'>();
  const mark = (list: readonly PriceOverride[], scope: 'global' | 'scenario') => {
    for (const o of list) {
      if (o.region !== region || !sameModel(o.modelId, modelId)) continue;
      for (const f of overriddenFields(o)) scopes.set(f, scope);
    }
  };
  mark(global, 'global');
  mark(scoped, 'scenario');
  return scopes;
}

/** What `modelId` costs in `region` for this experiment or scenario, with where it came from. */
export function resolvePrice(
  book: PriceBook,
  modelId: string,
  region: string,
  ctx: PriceContext = {},
): ResolvedPrice {
  const { global, scoped } = overridesInScope(book, ctx.scenarioId ?? null);
  const catalog = findPrice(modelId, region, book.catalog);

  let layer: Layer | null = catalog.found
    ? {
        input: catalog.entry.onDemand.inputUsdPer1k,
        output: catalog.entry.onDemand.outputUsdPer1k,
        origin: {
          kind: 'catalog',
          publisher: publishersOf(catalog.entry.onDemand.sources),
          asOf: catalog.entry.asOf,
        },
      }
    : null;
  layer = overrideLayer(
    layer,
    global.filter((o) => applies(o, modelId, region)),
    'global',
  );
  const own = ctx.experimentPrices?.find((p) => p.modelId === modelId);
  if (own) {
    layer = {
      input: own.inputUsdPer1k,
      output: own.outputUsdPer1k,
      origin: originOfModelPrice(own),
    };
  }
  layer = overrideLayer(
    layer,
    scoped.filter((o) => applies(o, modelId, region)),
    'scenario',
  );

  if (!layer) {
    return {
      modelId,
      found: false,
      message: catalog.found ? `No price for ${modelId} in ${region}.` : catalog.message,
    };
  }
  const withOverrides = findPrice(modelId, region, scenarioCatalog(book, ctx.scenarioId ?? null));
  const note = catalog.found ? catalog.note : undefined;
  return {
    found: true,
    modelId,
    inputUsdPer1k: usdPer1k(layer.input),
    outputUsdPer1k: usdPer1k(layer.output),
    origin: layer.origin,
    entry: withOverrides.found ? withOverrides.entry : null,
    ...(note !== undefined && { note }),
  };
}

/** The price to freeze into an experiment when it is set up. */
export function modelPriceOf(r: Extract<ResolvedPrice, { found: true }>): ModelPrice {
  return {
    modelId: r.modelId,
    inputUsdPer1k: r.inputUsdPer1k,
    outputUsdPer1k: r.outputUsdPer1k,
    source: describeOrigin(r.origin),
    asOf: r.origin.asOf,
    overridden: isOverridden(r.origin),
    origin: r.origin,
  };
}

/** A price typed for one experiment (the form, or --price on the command line). */
export function typedModelPrice(
  modelId: string,
  price: { inputUsdPer1k: number; outputUsdPer1k: number },
  asOf: string,
  note?: string,
): ModelPrice {
  const origin: PriceOrigin = note ? { kind: 'typed', asOf, note } : { kind: 'typed', asOf };
  return {
    modelId,
    inputUsdPer1k: price.inputUsdPer1k,
    outputUsdPer1k: price.outputUsdPer1k,
    source: describeOrigin(origin),
    asOf,
    overridden: true,
    origin,
  };
}
