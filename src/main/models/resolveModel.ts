/**
 * The one resolver behind `distill-roi models --resolve` and the experiment form: what a typed
 * id, profile or ARN is and which base model it is priced as. The text first, then the stored
 * profile list of the ARN's region (else the experiment's), then — unless offline — a lookup in
 * the account (GetInferenceProfile, GetProvisionedModelThroughput, GetCustomModelDeployment).
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { Database } from 'better-sqlite3';
import { resolveBaseModel } from '../../shared/models/modelListView';
import { parseModelRef } from '../../shared/models/modelRef';
import { toModelResolution, type ModelResolution } from '../../shared/models/modelResolution';
import { resolveModelArn } from '../bedrock/resolveModelArn';
import { storedModelList } from '../db/repos/modelLists';

/** Builds a control-plane client for a region; absent when offline (no lookup is made). */
export type ControlPlaneFor = (region: string) => BedrockClient;

export async function resolveModel(
  db: Database,
  id: string,
  region: string,
  controlPlaneFor?: ControlPlaneFor,
): Promise<ModelResolution> {
  const parsed = parseModelRef(id);
  if (parsed.ok && parsed.ref.baseModelId) {
    return toModelResolution(id, resolveBaseModel(id, []), 'id');
  }
  const where = (parsed.ok ? parsed.ref.region : null) ?? region;
  const stored = resolveBaseModel(
    id,
    [storedModelList(db, where)].filter((l) => l !== null),
  );
  if (stored.ok || !parsed.ok || !controlPlaneFor) {
    return toModelResolution(id, stored, 'storedList');
  }
  const client = controlPlaneFor(where);
  try {
    return toModelResolution(id, await resolveModelArn(client, id, where), 'account');
  } finally {
    client.destroy();
  }
}
