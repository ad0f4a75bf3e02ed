/**
 * Models and prices read from AWS, for the picker and the ROI screen. Endpoints come from the
 * settings, else the environment (AWS_ENDPOINT_URL_BEDROCK, DISTILL_ROI_PRICE_LIST_URL), else
 * AWS's own, so a user behind a proxy and the tests' stand-ins are served the same way.
 */
import { credentialsFor } from '../bedrock/clientPool';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { fetchModelList } from '../bedrock/listModels';
import { latestPriceSnapshot, listPriceSnapshots } from '../db/repos/priceSnapshots';
import { loadModelList } from '../models/modelListService';
import { resolveModel } from '../models/resolveModel';
import { DEFAULT_PRICE_LIST_URL, PRICE_LIST_URL_ENV } from '../priceList/priceListHttp';
import { refreshPrices } from '../priceList/refreshPrices';
import type { HandlerContext } from '../core/context';
import { readAwsSettings } from '../bedrock/awsSettings';
import { pickEndpoint } from '../common/endpoints';

/** Control-plane clients with the saved credentials and endpoint. */
function controlPlaneFor(ctx: HandlerContext) {
  const s = readAwsSettings(ctx);
  return (region: string) =>
    createControlPlaneClient({
      region,
      credentials: credentialsFor(s, ctx.secrets),
      ...(s.controlPlaneEndpoint ? { endpoint: s.controlPlaneEndpoint } : {}),
    });
}

export const catalogHandlers = {
  listModels: async (ctx: HandlerContext, input: { region: string; refresh: boolean }) => {
    if (!input.refresh) return loadModelList(ctx.db, input.region);
    const clientFor = controlPlaneFor(ctx);
    const fetch = async (region: string) => {
      const client = clientFor(region);
      try {
        return await fetchModelList(client, region);
      } finally {
        client.destroy();
      }
    };
    return loadModelList(ctx.db, input.region, { fetch });
  },

  resolveModel: (ctx: HandlerContext, input: { region: string; id: string; offline: boolean }) =>
    resolveModel(ctx.db, input.id, input.region, input.offline ? undefined : controlPlaneFor(ctx)),

  refreshPrices: (ctx: HandlerContext, input: { regions: string[] }) =>
    refreshPrices(ctx.db, {
      regions: [...new Set(input.regions)],
      // The setting (checked when saved) or the variable, by the endpoint rules of every endpoint.
      baseUrl:
        pickEndpoint([
          ['priceListUrl', readAwsSettings(ctx).priceListUrl],
          [PRICE_LIST_URL_ENV, process.env[PRICE_LIST_URL_ENV]],
        ]) ?? DEFAULT_PRICE_LIST_URL,
    }),

  listPriceSnapshots: (ctx: HandlerContext, input: { region: string | null }) =>
    listPriceSnapshots(ctx.db, input.region ?? undefined),

  getPriceSnapshot: (ctx: HandlerContext, input: { region: string }) =>
    latestPriceSnapshot(ctx.db, input.region),
};
