/**
 * A loopback stand-in for the Bedrock control plane's model listing, as AWS documents it
 * (docs/bedrock.md §2, §3): `GET /foundation-models` (no paging; byProvider,
 * byOutputModality, byInferenceType filters) and `GET /inference-profiles` (maxResults,
 * nextToken, type=SYSTEM_DEFINED|APPLICATION), restJson1 errors with `x-amzn-ErrorType` and a
 * `{"message"}` body. The region is read from the SigV4 credential scope, so one stand-in serves
 * several regions; a region it has no data for drops the connection, as a host that does not
 * exist would. A test tool only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { writeError } from './standInWire';
import { closeServer, listenOnLoopback } from './loopbackServer';

/** AWS's JSON shapes, as the wire carries them (timestamps as ISO strings). */
export interface WireFoundationModel {
  modelArn: string;
  modelId: string;
  modelName?: string;
  providerName?: string;
  inputModalities?: string[];
  outputModalities?: string[];
  responseStreamingSupported?: boolean;
  customizationsSupported?: string[];
  inferenceTypesSupported?: string[];
  modelLifecycle?: {
    status: string;
    startOfLifeTime?: string;
    endOfLifeTime?: string;
    legacyTime?: string;
    publicExtendedAccessTime?: string;
  };
}

export interface WireInferenceProfile {
  inferenceProfileName: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  inferenceProfileArn: string;
  models: { modelArn: string }[];
  inferenceProfileId: string;
  status: string;
  type: string;
}

export interface RegionData {
  models: WireFoundationModel[];
  profiles: WireInferenceProfile[];
  /** GetProvisionedModelThroughput answers, by ARN (§4.4 fields; the ones a lookup needs). */
  provisioned?: Record<string, { modelArn: string; foundationModelArn: string }>;
  /** GetCustomModelDeployment answers, by ARN. */
  deployments?: Record<string, { modelArn: string }>;
  /** GetCustomModel answers, by ARN. */
  customModels?: Record<string, { baseModelArn: string }>;
}

export type ControlPlaneFault =
  'accessDenied' | 'throttle' | 'internal' | 'validation' | 'garbled' | 'hangUp';

export interface ControlPlaneStandIn {
  readonly url: string;
  /** Paths (with query) received, in order. */
  readonly requests: readonly { path: string; region: string | undefined }[];
  setRegion(region: string, data: RegionData): void;
  /** The next requests (of any operation) get these faults, one each, in order. */
  queueFaults(faults: ControlPlaneFault[]): void;
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

const FAULTS: Record<Exclude<ControlPlaneFault, 'garbled' | 'hangUp'>, [number, string, string]> = {
  accessDenied: [
    403,
    'AccessDeniedException',
    'User: arn:aws:iam::111122223333:user/analyst is not authorized to perform: bedrock:ListFoundationModels',
  ],
  throttle: [429, 'ThrottlingException', 'Too many requests, please wait before trying again.'],
  internal: [500, 'InternalServerException', 'Internal server error'],
  validation: [400, 'ValidationException', 'The provided request is not valid.'],
};

const regionOf = (req: IncomingMessage): string | undefined => {
  const auth = req.headers.authorization ?? '';
  return /Credential=[^/,\s]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1];
};

function json(res: ServerResponse, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': 'stand-in',
  });
  res.end(text);
}

/** The Get* routes: undefined when the path is none of them, null when the id is unknown. */
function lookup(data: RegionData, path: string): unknown {
  const get =
    /^\/(inference-profiles|provisioned-model-throughput|model-customization\/custom-model-deployments|custom-models)\/(.+)$/.exec(
      path,
    );
  if (!get?.[1] || !get[2]) return undefined;
  const id = get[2];
  switch (get[1]) {
    case 'inference-profiles': {
      const p = data.profiles.find(
        (x) => x.inferenceProfileArn === id || x.inferenceProfileId === id,
      );
      return p ?? null;
    }
    case 'provisioned-model-throughput': {
      const p = data.provisioned?.[id];
      return p
        ? {
            ...p,
            provisionedModelArn: id,
            provisionedModelName: 'pt',
            modelUnits: 1,
            desiredModelUnits: 1,
            desiredModelArn: p.modelArn,
            status: 'InService',
            creationTime: '2026-11-01T00:00:00Z',
            lastModifiedTime: '2026-11-01T00:00:00Z',
          }
        : null;
    }
    case 'model-customization/custom-model-deployments': {
      const d = data.deployments?.[id];
      return d
        ? {
            ...d,
            customModelDeploymentArn: id,
            modelDeploymentName: 'deployment',
            createdAt: '2026-11-01T00:00:00Z',
            status: 'Active',
          }
        : null;
    }
    default: {
      const m = data.customModels?.[id];
      return m
        ? {
            ...m,
            modelArn: id,
            modelName: 'custom',
            jobArn: 'arn:aws:bedrock:us-east-1:111122223333:model-customization-job/x',
            creationTime: '2026-11-01T00:00:00Z',
          }
        : null;
    }
  }
}

const eq = (a: string | undefined, b: string) => a?.toUpperCase() === b.toUpperCase();

export async function startControlPlaneStandIn(
  initial: Record<string, RegionData> = {},
  options: { profilePageSize?: number } = {},
): Promise<ControlPlaneStandIn> {
  const regions = new Map(Object.entries(initial));
  const faults: ControlPlaneFault[] = [];
  const requests: { path: string; region: string | undefined }[] = [];
  const pageSize = options.profilePageSize ?? 1000;

  function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const region = regionOf(req);
    requests.push({ path: `${url.pathname}${url.search}`, region });
    const fault = faults.shift();
    if (fault === 'hangUp') return void res.destroy();
    if (fault === 'garbled') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"modelSummaries":[{"modelArn":');
    }
    if (fault) return writeError(res, ...FAULTS[fault]);
    if (req.method !== 'GET') {
      return writeError(res, 404, 'UnknownOperationException', `Not served: ${req.method}`);
    }
    const data = region ? regions.get(region) : undefined;
    // No Bedrock in that region: its endpoint would not resolve; drop the connection.
    if (!data) return void res.destroy();
    const q = url.searchParams;
    if (url.pathname === '/foundation-models') {
      const models = data.models.filter(
        (m) =>
          (!q.get('byProvider') || eq(m.providerName, q.get('byProvider') ?? '')) &&
          (!q.get('byOutputModality') ||
            (m.outputModalities ?? []).some((x) => eq(x, q.get('byOutputModality') ?? ''))) &&
          (!q.get('byInferenceType') ||
            (m.inferenceTypesSupported ?? []).some((x) => eq(x, q.get('byInferenceType') ?? ''))),
      );
      return json(res, { modelSummaries: models });
    }
    if (url.pathname === '/inference-profiles') {
      const type = q.get('type');
      const all = data.profiles.filter((p) => !type || p.type === type);
      const max = Math.min(Number(q.get('maxResults') ?? 1000) || 1000, pageSize);
      const token = q.get('nextToken');
      const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString());
      if (!Number.isInteger(start) || start < 0 || start > all.length) {
        return writeError(res, 400, 'ValidationException', 'The nextToken is not valid.');
      }
      const end = start + max;
      return json(res, {
        inferenceProfileSummaries: all.slice(start, end),
        ...(end < all.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
      });
    }
    const one = lookup(data, decodeURIComponent(url.pathname));
    if (one === undefined) {
      return writeError(res, 404, 'UnknownOperationException', `Not served: GET ${url.pathname}`);
    }
    if (one === null) {
      return writeError(res, 404, 'ResourceNotFoundException', 'The resource was not found.');
    }
    json(res, one);
  }

  const server = createServer(serve);
  const listen = (port: number) => listenOnLoopback(server, port);
  const stop = () => closeServer(server);
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRegion: (region, data) => void regions.set(region, data),
    queueFaults: (f) => void faults.push(...f),
    setOffline: async (offline) => {
      if (offline) await stop();
      else if (!server.listening) await listen(port);
    },
    close: stop,
  };
}

/** A foundation model summary as AWS lists it, for tests that build region data. */
export function wireModel(
  region: string,
  modelId: string,
  name: string,
  provider: string,
  inferenceTypes: string[],
  lifecycle: WireFoundationModel['modelLifecycle'] = { status: 'ACTIVE' },
  extra: Partial<WireFoundationModel> = {},
): WireFoundationModel {
  return {
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${modelId}`,
    modelId,
    modelName: name,
    providerName: provider,
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    customizationsSupported: [],
    inferenceTypesSupported: inferenceTypes,
    modelLifecycle: lifecycle,
    ...extra,
  };
}

/** A system profile `<geo>.<modelId>` routing to the model in the given regions. */
export function wireSystemProfile(
  region: string,
  geo: string,
  modelId: string,
  routesTo: string[],
): WireInferenceProfile {
  const id = `${geo}.${modelId}`;
  return {
    inferenceProfileName: `${geo.toUpperCase()} ${modelId}`,
    description: `Routes requests to ${modelId} in ${routesTo.join(', ')}.`,
    createdAt: '2025-09-29T00:00:00Z',
    updatedAt: '2025-09-29T00:00:00Z',
    inferenceProfileArn: `arn:aws:bedrock:${region}:111122223333:inference-profile/${id}`,
    models: routesTo.map((r) => ({
      modelArn: `arn:aws:bedrock:${r}::foundation-model/${modelId}`,
    })),
    inferenceProfileId: id,
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
  };
}
