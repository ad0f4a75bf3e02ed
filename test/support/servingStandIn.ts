/**
 * A loopback stand-in for serving custom (distilled) models through the Bedrock control plane,
 * as AWS documents it (docs/bedrock.md §2, §6): `ListCustomModels` / `GetCustomModel`,
 * Provisioned Throughput (`POST /provisioned-model-throughput` → 201, `GET`/`DELETE
 * /provisioned-model-throughput/{id}`) and on-demand custom-model deployments (`POST
 * /model-customization/custom-model-deployments` → 202, `GET`/`DELETE .../{id}`). A create with
 * a `clientRequestToken` seen before answers the resource it made then, as AWS's idempotent
 * creates do. Created resources stay `Creating` for `pollsUntilReady` reads, then turn
 * `InService` / `Active`, unless the custom model is scripted to fail or never become ready.
 * Errors are restJson1: `x-amzn-ErrorType` and a `{"message"}` body. A test tool only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { closeServer, listenOnLoopback } from './loopbackServer';
import { writeError } from './standInWire';

export const STAND_IN_ACCOUNT = '111122223333';

export interface WireCustomModel {
  modelArn: string;
  modelName: string;
  baseModelArn: string;
  jobArn?: string;
  creationTime: string;
  customizationType?: string;
  modelStatus?: 'Active' | 'Creating' | 'Failed';
  /** The teacher, for a distilled model (GetCustomModel's customizationConfig). */
  teacherModelIdentifier?: string;
}

/** What happens to a serving of one custom model: ready after some polls, never, or failed. */
export type ServingBehaviour = 'ready' | 'neverReady' | 'fails';

interface Resource {
  kind: 'provisioned' | 'deployment';
  arn: string;
  name: string;
  modelArn: string;
  region: string;
  token: string | undefined;
  modelUnits?: number;
  commitmentDuration?: string;
  polls: number;
  createdAt: string;
}

export interface ServingStandIn {
  readonly url: string;
  /** Method and path of every request, in order. */
  readonly requests: readonly { method: string; path: string; region: string | undefined }[];
  addCustomModel(region: string, model: WireCustomModel): void;
  /** How servings of this custom model behave (default 'ready'); 'fails' with this reason. */
  setBehaviour(modelArn: string, behaviour: ServingBehaviour, failureMessage?: string): void;
  /** IAM actions (e.g. `bedrock:CreateProvisionedModelThroughput`) answered with AccessDenied. */
  deny(actions: string[]): void;
  /** Resources that exist now (not deleted), by ARN. */
  live(): { kind: Resource['kind']; arn: string; modelArn: string; token: string | undefined }[];
  /** How many Create requests of each kind reached the server (idempotent repeats included). */
  createCalls(kind: Resource['kind']): number;
  close(): Promise<void>;
}

const regionOf = (req: IncomingMessage): string | undefined =>
  /Credential=[^/,\s]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': 'serving-stand-in',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const opaqueId = () => randomBytes(6).toString('hex');

const PT = '/provisioned-model-throughput';
const DEP = '/model-customization/custom-model-deployments';

export async function startServingStandIn(
  options: { pollsUntilReady?: number; pageSize?: number } = {},
): Promise<ServingStandIn> {
  const pollsUntilReady = options.pollsUntilReady ?? 2;
  const pageSize = options.pageSize ?? 100;
  const models = new Map<string, WireCustomModel[]>();
  const behaviour = new Map<string, ServingBehaviour>();
  const failureMessages = new Map<string, string>();
  const denied = new Set<string>();
  const resources = new Map<string, Resource>();
  const byToken = new Map<string, string>();
  const requests: { method: string; path: string; region: string | undefined }[] = [];
  const creates = { provisioned: 0, deployment: 0 };

  const findModel = (region: string, id: string) =>
    (models.get(region) ?? []).find((m) => m.modelArn === id || m.modelName === id);

  function statusOf(r: Resource): { status: string; failureMessage?: string } {
    const b = behaviour.get(r.modelArn) ?? 'ready';
    const ready = r.kind === 'provisioned' ? 'InService' : 'Active';
    if (b === 'fails' && r.polls >= pollsUntilReady) {
      return {
        status: 'Failed',
        failureMessage:
          failureMessages.get(r.modelArn) ?? 'Insufficient capacity for the requested model.',
      };
    }
    if (b !== 'ready' || r.polls < pollsUntilReady) return { status: 'Creating' };
    return { status: ready };
  }

  function describe(r: Resource) {
    const s = statusOf(r);
    if (r.kind === 'provisioned') {
      return {
        provisionedModelArn: r.arn,
        provisionedModelName: r.name,
        modelArn: r.modelArn,
        desiredModelArn: r.modelArn,
        foundationModelArn: findModel(r.region, r.modelArn)?.baseModelArn ?? '',
        modelUnits: r.modelUnits,
        desiredModelUnits: r.modelUnits,
        ...(r.commitmentDuration ? { commitmentDuration: r.commitmentDuration } : {}),
        status: s.status,
        ...(s.failureMessage ? { failureMessage: s.failureMessage } : {}),
        creationTime: r.createdAt,
        lastModifiedTime: r.createdAt,
      };
    }
    return {
      customModelDeploymentArn: r.arn,
      modelDeploymentName: r.name,
      modelArn: r.modelArn,
      createdAt: r.createdAt,
      status: s.status,
      ...(s.failureMessage ? { failureMessage: s.failureMessage } : {}),
    };
  }

  function create(
    res: ServerResponse,
    kind: Resource['kind'],
    region: string,
    body: Record<string, unknown>,
  ) {
    creates[kind] += 1;
    const token = typeof body.clientRequestToken === 'string' ? body.clientRequestToken : undefined;
    const status = kind === 'provisioned' ? 201 : 202;
    const answer = (arn: string) =>
      json(
        res,
        status,
        kind === 'provisioned' ? { provisionedModelArn: arn } : { customModelDeploymentArn: arn },
      );
    const seen = token ? byToken.get(`${kind}:${token}`) : undefined;
    if (seen) return answer(seen);
    const modelArn = String(kind === 'provisioned' ? body.modelId : body.modelArn);
    const model = findModel(region, modelArn);
    if (!model) {
      return writeError(res, 404, 'ResourceNotFoundException', `Model ${modelArn} not found.`);
    }
    if (model.modelStatus && model.modelStatus !== 'Active') {
      return writeError(res, 400, 'ValidationException', 'The custom model is not Active.');
    }
    const name = String(
      kind === 'provisioned' ? body.provisionedModelName : body.modelDeploymentName,
    );
    const units = kind === 'provisioned' ? Number(body.modelUnits) : undefined;
    if (units !== undefined && (!Number.isInteger(units) || units < 1)) {
      return writeError(res, 400, 'ValidationException', 'modelUnits must be at least 1.');
    }
    if ([...resources.values()].some((r) => r.kind === kind && r.name === name)) {
      return writeError(res, 400, 'ValidationException', `The name ${name} is already in use.`);
    }
    const arn = `arn:aws:bedrock:${region}:${STAND_IN_ACCOUNT}:${kind === 'provisioned' ? 'provisioned-model' : 'custom-model-deployment'}/${opaqueId()}`;
    resources.set(arn, {
      kind,
      arn,
      name,
      modelArn: model.modelArn,
      region,
      token,
      ...(units !== undefined ? { modelUnits: units } : {}),
      ...(typeof body.commitmentDuration === 'string'
        ? { commitmentDuration: body.commitmentDuration }
        : {}),
      polls: 0,
      createdAt: new Date().toISOString(),
    });
    if (token) byToken.set(`${kind}:${token}`, arn);
    return answer(arn);
  }

  function listModels(res: ServerResponse, region: string, q: URLSearchParams) {
    const all = models.get(region) ?? [];
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, pageSize);
    const token = q.get('nextToken');
    const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0 || start > all.length) {
      return writeError(res, 400, 'ValidationException', 'The nextToken is not valid.');
    }
    const page = all.slice(start, start + max).map((m) => ({
      modelArn: m.modelArn,
      modelName: m.modelName,
      creationTime: m.creationTime,
      baseModelArn: m.baseModelArn,
      baseModelName: m.baseModelArn.split('/').pop(),
      customizationType: m.customizationType ?? 'DISTILLATION',
      ownerAccountId: STAND_IN_ACCOUNT,
      modelStatus: m.modelStatus ?? 'Active',
    }));
    const end = start + max;
    return json(res, 200, {
      modelSummaries: page,
      ...(end < all.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
    });
  }

  function getModel(res: ServerResponse, m: WireCustomModel) {
    return json(res, 200, {
      modelArn: m.modelArn,
      modelName: m.modelName,
      jobArn: m.jobArn ?? `arn:aws:bedrock:us-east-1:${STAND_IN_ACCOUNT}:model-customization-job/x`,
      baseModelArn: m.baseModelArn,
      customizationType: m.customizationType ?? 'DISTILLATION',
      creationTime: m.creationTime,
      modelStatus: m.modelStatus ?? 'Active',
      ...(m.teacherModelIdentifier
        ? {
            customizationConfig: {
              distillationConfig: {
                teacherModelConfig: { teacherModelIdentifier: m.teacherModelIdentifier },
              },
            },
          }
        : {}),
    });
  }

  /** The IAM action a request needs, as AWS names it in an AccessDenied message. */
  function actionOf(method: string, path: string): string {
    const base = path.startsWith(PT) ? 'ProvisionedModelThroughput' : 'CustomModelDeployment';
    if (path.startsWith('/custom-models')) {
      return path === '/custom-models' ? 'bedrock:ListCustomModels' : 'bedrock:GetCustomModel';
    }
    const verb = method === 'POST' ? 'Create' : method === 'DELETE' ? 'Delete' : 'Get';
    return `bedrock:${verb}${base}`;
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const region = regionOf(req);
    requests.push({ method, path: `${url.pathname}${url.search}`, region });
    const path = decodeURIComponent(url.pathname);
    if (!region) return writeError(res, 403, 'UnrecognizedClientException', 'Not signed.');
    const action = actionOf(method, path);
    if (denied.has(action)) {
      return writeError(
        res,
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${STAND_IN_ACCOUNT}:user/analyst is not authorized to perform: ${action}`,
      );
    }
    if (method === 'GET' && path === '/custom-models')
      return listModels(res, region, url.searchParams);
    const custom = /^\/custom-models\/(.+)$/.exec(path);
    if (method === 'GET' && custom?.[1]) {
      const m = findModel(region, custom[1]);
      return m
        ? getModel(res, m)
        : writeError(res, 404, 'ResourceNotFoundException', 'No such model.');
    }
    if (method === 'POST' && (path === PT || path === DEP)) {
      return create(res, path === PT ? 'provisioned' : 'deployment', region, await readJson(req));
    }
    const one = new RegExp(`^(${PT}|${DEP})/(.+)$`).exec(path);
    if (one?.[2]) {
      const r = resources.get(one[2]);
      if (!r) {
        return writeError(res, 404, 'ResourceNotFoundException', `${one[2]} was not found.`);
      }
      if (method === 'GET') {
        r.polls += 1;
        return json(res, 200, describe(r));
      }
      if (method === 'DELETE') {
        resources.delete(r.arn);
        return json(res, 200, {});
      }
    }
    return writeError(res, 404, 'UnknownOperationException', `Not served: ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => writeError(res, 500, 'InternalServerException', 'stand-in'));
  });
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addCustomModel: (region, model) =>
      void models.set(region, [...(models.get(region) ?? []), model]),
    setBehaviour: (arn, b, failureMessage) => {
      behaviour.set(arn, b);
      if (failureMessage !== undefined) failureMessages.set(arn, failureMessage);
    },
    deny: (actions) => actions.forEach((a) => denied.add(a)),
    live: () =>
      [...resources.values()].map((r) => ({
        kind: r.kind,
        arn: r.arn,
        modelArn: r.modelArn,
        token: r.token,
      })),
    createCalls: (kind) => creates[kind],
    close: () => closeServer(server),
  };
}

/** A distilled custom model as AWS names it: `custom-model/<base model>/<12 chars>`. */
export function distilledModel(
  region: string,
  name: string,
  baseModelId: string,
  teacherModelId: string,
): WireCustomModel {
  return {
    modelArn: `arn:aws:bedrock:${region}:${STAND_IN_ACCOUNT}:custom-model/${baseModelId}/${opaqueId()}`,
    modelName: name,
    baseModelArn: `arn:aws:bedrock:${region}::foundation-model/${baseModelId}`,
    creationTime: '2026-12-01T10:00:00Z',
    customizationType: 'DISTILLATION',
    modelStatus: 'Active',
    teacherModelIdentifier: `arn:aws:bedrock:${region}::foundation-model/${teacherModelId}`,
  };
}
