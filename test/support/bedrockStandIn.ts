/**
 * A loopback stand-in for Amazon Bedrock Runtime (Converse and ConverseStream), spoken to by
 * the real AWS SDK over HTTP/1.1. A test tool only: nothing user-facing may import it.
 *
 *   const standIn = await startBedrockStandIn({ models: { m: { latencyMs: 50 } }, seed: 1 });
 *   const client = createBedrockClient({ endpoint: standIn.url, ... });
 *   standIn.queueFaults('m', ['throttle']);
 *   expect(standIn.requestsFor('m')).toHaveLength(2);
 *   await standIn.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { handleControl } from './standInControl';
import { answerConverse, answerConverseStream } from './standInRespond';
import { ScriptBook, type CallerAuth } from './standInScript';
import { signatureMismatchMessage } from './standInSignature';
import type {
  ConverseBody,
  FaultPlan,
  FaultSpec,
  ModelScript,
  RecordedRequest,
  StandInOperation,
  StandInOptions,
} from './standInTypes';
import { writeError } from './standInWire';
import { closeServer, listenOnLoopback } from './loopbackServer';

export type * from './standInTypes';

export interface BedrockStandIn {
  /** `http://127.0.0.1:PORT`, for the client's `endpoint` or AWS_ENDPOINT_URL_BEDROCK_RUNTIME. */
  readonly url: string;
  readonly port: number;
  /** Every model request received, in arrival order (control requests are not recorded). */
  readonly requests: readonly RecordedRequest[];
  /** Requests currently being answered, and the most seen at once since the last clear. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  requestsFor(modelId: string): RecordedRequest[];
  clearRequests(): void;
  /** Replaces the script of one model id. */
  setModel(modelId: string, script: ModelScript): void;
  /** The next calls to `modelId` ('*' = any model) get these faults, one per call, in order. */
  queueFaults(modelId: string, faults: FaultSpec[]): void;
  /** The next successful calls to `modelId` answer these texts (e.g. judge JSON), in order. */
  queueOutputs(modelId: string, texts: string[]): void;
  /** Forgets queued faults and outputs (of one model, or of all). */
  clearQueues(modelId?: string): void;
  /**
   * Serves requests naming an application inference profile's ARN as the model it was copied
   * from (as Bedrock does): that model's script, faults and outputs answer them, while the
   * request is recorded under the ARN it named.
   */
  serveProfile(profileArn: string, modelId: string): void;
  /** Replaces the global probabilistic fault plan. */
  setFaultPlan(plan: FaultPlan | undefined): void;
  /** Offline: stop listening and drop every connection (clients get ECONNREFUSED). */
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

const MODEL_PATH = /^\/model\/([^/]+)\/(converse|converse-stream)$/;

/** Reads the SigV4 credential scope: `Credential=AKID/20250101/us-east-1/bedrock/aws4_request`. */
function parseAuth(value: string | undefined): CallerAuth & { region?: string } {
  if (!value) return { scheme: 'none' };
  if (value.startsWith('Bearer ')) return { scheme: 'bearer' };
  const scope = /Credential=([^/,\s]+)\/[^/]+\/([^/]+)\//.exec(value);
  return { scheme: 'sigv4', accessKeyId: scope?.[1], region: scope?.[2] };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseBody(raw: string): ConverseBody | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ConverseBody) : undefined;
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function startBedrockStandIn(options: StandInOptions = {}): Promise<BedrockStandIn> {
  const book = new ScriptBook(options);
  const requests: RecordedRequest[] = [];
  const profiles = new Map<string, string>();
  const mismatch = new Set(options.signatureMismatchAccessKeyIds ?? []);
  let inFlight = 0;
  let maxInFlight = 0;

  async function serveModel(req: IncomingMessage, res: ServerResponse, path: string) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const raw = await readBody(req);
    const start = performance.now();
    const route = MODEL_PATH.exec(path);
    if (req.method !== 'POST' || !route?.[1] || !route[2]) {
      writeError(res, 404, 'UnknownOperationException', `Not served: ${req.method} ${path}`);
      return;
    }
    // Model ids arrive percent-encoded (`:` as %3A, an ARN's `/` as %2F); the route matched the
    // raw path so that an encoded `/` cannot split the id.
    const modelId = decodeURIComponent(route[1]);
    const body = parseBody(raw);
    const auth = parseAuth(header(req, 'authorization'));
    const attempt = /attempt=(\d+)/.exec(header(req, 'amz-sdk-request') ?? '')?.[1];
    const record: RecordedRequest = {
      seq: requests.length,
      modelId,
      operation: route[2] as StandInOperation,
      body,
      receivedAt: start,
      receivedAtEpochMs: performance.timeOrigin + start,
      authScheme: auth.scheme,
      accessKeyId: auth.accessKeyId,
      region: auth.region,
      invocationId: header(req, 'amz-sdk-invocation-id'),
      attempt: attempt === undefined ? undefined : Number(attempt),
    };
    requests.push(record);
    if (auth.accessKeyId !== undefined && mismatch.has(auth.accessKeyId)) {
      const message = signatureMismatchMessage(req, raw);
      record.fault = { status: 403, errorType: 'SignatureDoesNotMatch', message };
      writeError(res, 403, 'SignatureDoesNotMatch', message);
      return;
    }

    const served = profiles.get(modelId);
    if (served !== undefined) record.servedModelId = served;
    const plan = body ? book.plan(served ?? modelId, raw, body, auth, start) : undefined;
    if (!plan) {
      // What Bedrock answers for an id it does not know (or a body that is not JSON).
      const message = body
        ? 'The provided model identifier is invalid.'
        : 'Malformed input request.';
      record.fault = { status: 400, errorType: 'ValidationException', message };
      writeError(res, 400, 'ValidationException', message);
      return;
    }
    record.fault = plan.fault;
    record.latencyMs = plan.latencyMs;
    // 'close' fires when the answer is done or the client went away; either way stop timers.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    if (record.operation === 'converse') await answerConverse(res, plan, gone.signal);
    else await answerConverseStream(res, plan, gone.signal);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const work =
      options.control && path.startsWith('/__stand-in/')
        ? readBody(req).then((raw) => handleControl(standIn, req.method ?? '', path, raw, res))
        : serveModel(req, res, path);
    work.catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else writeError(res, 500, 'InternalServerException', `stand-in bug: ${String(e)}`);
    });
  });

  const listen = (port: number) => listenOnLoopback(server, port);
  const stopListening = () => closeServer(server);

  const port = await listen(options.port ?? 0);
  const standIn: BedrockStandIn = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    requestsFor: (modelId) => requests.filter((r) => r.modelId === modelId),
    clearRequests: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    setModel: (modelId, script) => book.setModel(modelId, script),
    queueFaults: (modelId, faults) => book.queueFaults(modelId, faults),
    queueOutputs: (modelId, texts) => book.queueOutputs(modelId, texts),
    clearQueues: (modelId) => book.clearQueues(modelId),
    serveProfile: (profileArn, modelId) => void profiles.set(profileArn, modelId),
    setFaultPlan: (plan) => book.setFaultPlan(plan),
    setOffline: async (offline) => {
      if (offline) await stopListening();
      else if (!server.listening) await listen(port);
    },
    close: stopListening,
  };
  return standIn;
}
