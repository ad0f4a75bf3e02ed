/**
 * One application inference profile per model of an experiment (CreateInferenceProfile,
 * docs/bedrock.md §3), copied from the model and tagged with the experiment's id. Calls made
 * through the profile's ARN carry the tag onto the bill, so once the tag key is activated as a
 * cost allocation tag the bill can be grouped per experiment. The idempotency token is stored
 * before the call: a retry after a crash or a timeout reuses it and AWS creates nothing twice.
 */
import { createHash } from 'node:crypto';
import {
  CreateInferenceProfileCommand,
  GetInferenceProfileCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { Database } from 'better-sqlite3';
import { EXPERIMENT_TAG_KEY } from '../../shared/billing/billingSchemas';
import { parseModelRef } from '../../shared/models/modelRef';
import { nowIso } from '../db/clock';
import {
  listExperimentProfiles,
  reserveExperimentProfile,
  setExperimentProfileArn,
  type ExperimentProfile,
} from '../db/repos/billing';
import { requireExperiment } from '../common/lookups';
import { inferenceProfileFailure } from './billingErrors';

const tokenFor = (experimentId: string, modelId: string) =>
  createHash('sha256').update(`${experimentId}\n${modelId}`).digest('hex');

/** The ARN to copy from: a foundation model's is known; a system profile's holds the account. */
async function sourceArn(client: BedrockClient, modelId: string, region: string) {
  if (modelId.startsWith('arn:')) return modelId;
  const parsed = parseModelRef(modelId);
  if (parsed.ok && parsed.ref.kind === 'systemProfile') {
    const p = await client.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: modelId }),
    );
    if (p.inferenceProfileArn) return p.inferenceProfileArn;
  }
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export async function createExperimentProfiles(
  db: Database,
  experimentId: string,
  client: BedrockClient,
): Promise<ExperimentProfile[]> {
  const e = requireExperiment(db, experimentId).config;
  const models = [e.teacherModelId, ...e.studentModelIds];
  for (const [i, modelId] of models.entries()) {
    const p = reserveExperimentProfile(db, {
      experimentId,
      modelId,
      region: e.region,
      tagKey: EXPERIMENT_TAG_KEY,
      tagValue: experimentId,
      clientRequestToken: tokenFor(experimentId, modelId),
      profileArn: null,
      createdAt: nowIso(),
    });
    if (p.profileArn) continue;
    try {
      const r = await client.send(
        new CreateInferenceProfileCommand({
          inferenceProfileName: `distill-roi-${experimentId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 12)}-${i + 1}`,
          description: `Distill ROI experiment "${e.name.slice(0, 120)}": ${modelId}`.slice(0, 200),
          clientRequestToken: p.clientRequestToken,
          modelSource: { copyFrom: await sourceArn(client, modelId, e.region) },
          tags: [{ key: EXPERIMENT_TAG_KEY, value: experimentId }],
        }),
      );
      if (r.inferenceProfileArn) {
        setExperimentProfileArn(db, experimentId, modelId, r.inferenceProfileArn);
      }
    } catch (error) {
      throw inferenceProfileFailure(error, e.region);
    }
  }
  return listExperimentProfiles(db, experimentId);
}
