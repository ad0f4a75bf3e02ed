/**
 * The account's custom models, read from the control plane (`ListCustomModels`, paged with
 * nextToken; `GetCustomModel` for the teacher of a distillation), as the one shape the serving
 * screen, the CLI and the evaluation take. A distillation the app tracked itself can supply the
 * same shape with its one-off cost and dataset.
 */
import {
  GetCustomModelCommand,
  ListCustomModelsCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import { baseOf } from '../bedrock/resolveModelArn';
import type { CustomModel } from '../../shared/serving/servingDomain';

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

/** At most this many pages: a runaway nextToken cannot loop forever. */
const MAX_PAGES = 50;

export async function listCustomModels(
  client: BedrockClient,
  region: string,
): Promise<CustomModel[]> {
  const out: CustomModel[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const r = await client.send(
      new ListCustomModelsCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }),
    );
    for (const m of r.modelSummaries ?? []) {
      if (!m.modelArn) continue;
      out.push({
        modelArn: m.modelArn,
        modelName: m.modelName ?? m.modelArn,
        region,
        baseModelId: baseOf(m.baseModelArn) ?? baseOf(m.modelArn),
        teacherModelId: null,
        status: m.modelStatus ?? null,
        customizationType: m.customizationType ?? null,
        createdAt: iso(m.creationTime),
        oneOffCostUsd: null,
        datasetId: null,
      });
    }
    nextToken = r.nextToken;
    if (!nextToken) break;
  }
  return out;
}

export async function getCustomModel(
  client: BedrockClient,
  modelArn: string,
  region: string,
): Promise<CustomModel> {
  const m = await client.send(new GetCustomModelCommand({ modelIdentifier: modelArn }));
  const teacher =
    m.customizationConfig && 'distillationConfig' in m.customizationConfig
      ? m.customizationConfig.distillationConfig?.teacherModelConfig?.teacherModelIdentifier
      : undefined;
  return {
    modelArn: m.modelArn ?? modelArn,
    modelName: m.modelName ?? modelArn,
    region,
    baseModelId: baseOf(m.baseModelArn) ?? baseOf(m.modelArn),
    teacherModelId: teacher ? (baseOf(teacher) ?? teacher) : null,
    status: m.modelStatus ?? null,
    customizationType: m.customizationType ?? null,
    createdAt: iso(m.creationTime),
    oneOffCostUsd: null,
    datasetId: null,
  };
}
