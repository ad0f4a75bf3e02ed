/**
 * The control-plane calls that buy, read and delete a serving (docs/bedrock.md §6). Each
 * create sends the serving's stored token, so a repeat after a lost answer or a restart gets the
 * resource made the first time.
 */
import {
  CreateCustomModelDeploymentCommand,
  CreateProvisionedModelThroughputCommand,
  DeleteCustomModelDeploymentCommand,
  DeleteProvisionedModelThroughputCommand,
  GetCustomModelDeploymentCommand,
  GetProvisionedModelThroughputCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { Serving } from '../../shared/serving/servingDomain';
import { COMMITMENT_DURATION } from '../../shared/serving/servingCost';
import type { ServingAction } from './servingErrors';

export const actionFor = (s: Serving, verb: 'Create' | 'Get' | 'Delete'): ServingAction =>
  `${verb}${s.kind === 'provisioned' ? 'ProvisionedModelThroughput' : 'CustomModelDeployment'}`;

export async function createOnAws(client: BedrockClient, s: Serving): Promise<string> {
  if (s.kind === 'provisioned') {
    const duration = s.term ? COMMITMENT_DURATION[s.term] : undefined;
    const r = await client.send(
      new CreateProvisionedModelThroughputCommand({
        clientRequestToken: s.clientToken,
        modelUnits: s.modelUnits ?? 1,
        provisionedModelName: s.name,
        modelId: s.customModelArn,
        ...(duration ? { commitmentDuration: duration } : {}),
      }),
    );
    if (!r.provisionedModelArn) throw new Error('Bedrock returned no provisionedModelArn.');
    return r.provisionedModelArn;
  }
  const r = await client.send(
    new CreateCustomModelDeploymentCommand({
      clientRequestToken: s.clientToken,
      modelDeploymentName: s.name,
      modelArn: s.customModelArn,
      description: `Distill ROI: on-demand deployment of ${s.customModelName}`,
    }),
  );
  if (!r.customModelDeploymentArn) throw new Error('Bedrock returned no customModelDeploymentArn.');
  return r.customModelDeploymentArn;
}

export interface AwsServingStatus {
  status: string;
  failureMessage: string | null;
}

export async function describeOnAws(
  client: BedrockClient,
  s: Serving & { arn: string },
): Promise<AwsServingStatus> {
  if (s.kind === 'provisioned') {
    const r = await client.send(
      new GetProvisionedModelThroughputCommand({ provisionedModelId: s.arn }),
    );
    return { status: r.status ?? 'Unknown', failureMessage: r.failureMessage ?? null };
  }
  const r = await client.send(
    new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: s.arn }),
  );
  return { status: r.status ?? 'Unknown', failureMessage: r.failureMessage ?? null };
}

export async function deleteOnAws(client: BedrockClient, s: Serving & { arn: string }) {
  if (s.kind === 'provisioned') {
    await client.send(new DeleteProvisionedModelThroughputCommand({ provisionedModelId: s.arn }));
  } else {
    await client.send(
      new DeleteCustomModelDeploymentCommand({ customModelDeploymentIdentifier: s.arn }),
    );
  }
}
