/**
 * The base model behind an ARN whose text does not name it: an application inference profile
 * (GetInferenceProfile → its models), a provisioned model (GetProvisionedModelThroughput →
 * foundationModelArn) or a custom-model deployment (GetCustomModelDeployment → the custom
 * model, whose ARN or GetCustomModel names the base). Used for pricing; the call still goes to
 * the ARN as typed.
 */
import {
  GetCustomModelCommand,
  GetCustomModelDeploymentCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { BaseModel } from '../../shared/models/modelListView';
import { parseModelRef } from '../../shared/models/modelRef';
import { controlPlaneMessage } from './controlPlaneErrors';

/** The base model an ARN's text names (foundation model, custom model), or null. */
export const baseOf = (arn: string | undefined): string | null => {
  if (!arn) return null;
  const parsed = parseModelRef(arn);
  return parsed.ok ? parsed.ref.baseModelId : null;
};

async function customModelBase(client: BedrockClient, modelArn: string): Promise<string | null> {
  const fromText = baseOf(modelArn);
  if (fromText) return fromText;
  const model = await client.send(new GetCustomModelCommand({ modelIdentifier: modelArn }));
  return baseOf(model.baseModelArn);
}

export async function resolveModelArn(
  client: BedrockClient,
  id: string,
  region: string,
): Promise<BaseModel> {
  const parsed = parseModelRef(id);
  if (!parsed.ok) return parsed;
  const { ref } = parsed;
  if (ref.baseModelId) return { ok: true, baseModelId: ref.baseModelId, via: ref.kind };
  try {
    let base: string | null = null;
    if (ref.kind === 'applicationProfile') {
      const p = await client.send(
        new GetInferenceProfileCommand({ inferenceProfileIdentifier: id }),
      );
      base = baseOf(p.models?.[0]?.modelArn);
    } else if (ref.kind === 'provisionedModel') {
      const p = await client.send(
        new GetProvisionedModelThroughputCommand({ provisionedModelId: id }),
      );
      base =
        baseOf(p.foundationModelArn) ??
        (p.modelArn ? await customModelBase(client, p.modelArn) : null);
    } else if (ref.kind === 'customModelDeployment') {
      const d = await client.send(
        new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: id }),
      );
      base = d.modelArn ? await customModelBase(client, d.modelArn) : null;
    }
    return base
      ? { ok: true, baseModelId: base, via: ref.kind }
      : {
          ok: false,
          message: `Bedrock did not say which model ${id} serves: name its base model for pricing.`,
        };
  } catch (e) {
    return { ok: false, message: `Could not look up ${id}: ${controlPlaneMessage(e, region)}` };
  }
}
