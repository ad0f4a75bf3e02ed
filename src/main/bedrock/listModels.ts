/**
 * Reads one region's models and inference profiles from the control plane into the app's
 * ModelList shape. ListFoundationModels has no paging; ListInferenceProfiles pages with
 * nextToken, and every page is read (system profiles and the account's application profiles).
 */
import {
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type BedrockClient,
  type FoundationModelSummary,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import type {
  FoundationModelEntry,
  InferenceProfileEntry,
  ModelList,
} from '../../shared/models/modelList';

const iso = (d: Date | undefined): string | null =>
  d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null;

function modelEntry(m: FoundationModelSummary): FoundationModelEntry | null {
  if (!m.modelId) return null;
  const life = m.modelLifecycle;
  return {
    modelId: m.modelId,
    modelName: m.modelName ?? '',
    providerName: m.providerName ?? '',
    inputModalities: (m.inputModalities ?? []).map(String),
    outputModalities: (m.outputModalities ?? []).map(String),
    responseStreamingSupported: m.responseStreamingSupported ?? null,
    inferenceTypesSupported: (m.inferenceTypesSupported ?? []).map(String),
    lifecycle: {
      status: life?.status ? String(life.status) : 'ACTIVE',
      legacyTime: iso(life?.legacyTime),
      endOfLifeTime: iso(life?.endOfLifeTime),
      publicExtendedAccessTime: iso(life?.publicExtendedAccessTime),
    },
  };
}

function profileEntry(p: InferenceProfileSummary): InferenceProfileEntry | null {
  if (!p.inferenceProfileId || !p.inferenceProfileArn) return null;
  return {
    id: p.inferenceProfileId,
    arn: p.inferenceProfileArn,
    name: p.inferenceProfileName ?? p.inferenceProfileId,
    type: p.type ? String(p.type) : 'SYSTEM_DEFINED',
    status: p.status ? String(p.status) : 'ACTIVE',
    modelArns: (p.models ?? []).flatMap((m) => (m.modelArn ? [m.modelArn] : [])),
  };
}

/** Stops a stand-in or proxy that never ends its paging from looping forever. */
const MAX_PROFILE_PAGES = 100;

export async function fetchModelList(
  client: BedrockClient,
  region: string,
  now: () => Date = () => new Date(),
  signal?: AbortSignal,
): Promise<ModelList> {
  const opts = signal ? { abortSignal: signal } : {};
  const models = await client.send(new ListFoundationModelsCommand({}), opts);
  const profiles: InferenceProfileEntry[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PROFILE_PAGES; page++) {
    const out = await client.send(
      new ListInferenceProfilesCommand({ maxResults: 1000, nextToken }),
      opts,
    );
    for (const p of out.inferenceProfileSummaries ?? []) {
      const entry = profileEntry(p);
      if (entry) profiles.push(entry);
    }
    nextToken = out.nextToken || undefined;
    if (!nextToken) break;
  }
  return {
    region,
    fetchedAt: now().toISOString(),
    source: 'ListFoundationModels + ListInferenceProfiles (your account)',
    models: (models.modelSummaries ?? []).flatMap((m) => {
      const entry = modelEntry(m);
      return entry ? [entry] : [];
    }),
    profiles,
  };
}
