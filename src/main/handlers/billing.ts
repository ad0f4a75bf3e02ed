/**
 * Bill reconciliation and per-experiment inference profiles. Cost Explorer is reached from
 * us-east-1 with the settings' credentials (its endpoint: AWS_ENDPOINT_URL_COST_EXPLORER, else
 * AWS's); the control plane as the model listing reaches it.
 */
import type { z } from 'zod';
import type { billingChannels } from '../../shared/ipc/billingChannels';
import { reconcileBill, planBill } from '../billing/billService';
import { createCostExplorerClient } from '../billing/costExplorerClient';
import { createExperimentProfiles } from '../billing/experimentProfiles';
import { credentialsFor } from '../bedrock/clientPool';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { listExperimentProfiles } from '../db/repos/billing';
import type { HandlerContext } from '../core/context';
import { requireExperiment } from '../common/lookups';
import { readAwsSettings } from '../bedrock/awsSettings';

type Range = z.output<(typeof billingChannels)['planBill']['input']>;
type ReconcileInput = z.output<(typeof billingChannels)['reconcileBill']['input']>;

export const billingHandlers = {
  planBill: (ctx: HandlerContext, input: Range) => planBill(ctx.db, input),

  reconcileBill: (ctx: HandlerContext, input: ReconcileInput) => {
    const { mode, ...range } = input;
    return reconcileBill(ctx.db, range, mode, () =>
      createCostExplorerClient({ credentials: credentialsFor(readAwsSettings(ctx), ctx.secrets) }),
    );
  },

  listExperimentProfiles: (ctx: HandlerContext, input: { experimentId: string }) =>
    listExperimentProfiles(ctx.db, input.experimentId),

  createExperimentProfiles: async (ctx: HandlerContext, input: { experimentId: string }) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    const s = readAwsSettings(ctx);
    const client = createControlPlaneClient({
      region: e.config.region,
      credentials: credentialsFor(s, ctx.secrets),
      ...(s.controlPlaneEndpoint ? { endpoint: s.controlPlaneEndpoint } : {}),
    });
    try {
      return await createExperimentProfiles(ctx.db, e.id, client);
    } finally {
      client.destroy();
    }
  },
};
