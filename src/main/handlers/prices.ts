import { applyOverrides } from '../../shared/pricing/applyOverrides';
import { PRICE_CATALOG } from '../../shared/pricing/priceCatalog';
import type { PriceOverride } from '../../shared/pricing/priceSchemas';
import * as repo from '../db/repos/priceOverrides';
import { getScenario } from '../db/repos/scenarios';
import type { HandlerContext } from '../core/context';
import { AppFailure, notFound } from '../common/failure';

/** Price overrides: the price book is the built-in catalog with these applied in order. */
export const priceHandlers = {
  listPriceOverrides: (ctx: HandlerContext) => repo.listPriceOverrides(ctx.db),

  savePriceOverride: (
    ctx: HandlerContext,
    input: PriceOverride & { scenarioId?: string | null | undefined },
  ) => {
    const { scenarioId, ...override } = input;
    // An override that would be ignored (a model the catalog lacks, without both token
    // prices) is refused now, with the reason, instead of being stored and silently unused.
    const { ignored } = applyOverrides(PRICE_CATALOG, [override]);
    if (ignored[0]) throw new AppFailure('invalid_input', ignored[0].reason);
    if (scenarioId && !getScenario(ctx.db, scenarioId)) throw notFound('This scenario');
    return repo.insertPriceOverride(ctx.db, override, scenarioId ?? null);
  },

  deletePriceOverride: (ctx: HandlerContext, input: { id: string }) => {
    if (!repo.deletePriceOverride(ctx.db, input.id)) throw notFound('This price override');
    return { id: input.id };
  },
};
