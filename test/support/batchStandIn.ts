/**
 * A loopback stand-in for the Bedrock control plane's batch inference operations (rest-json,
 * docs/bedrock.md §8): CreateModelInvocationJob (`POST /model-invocation-job`, idempotent on
 * `clientRequestToken`), GetModelInvocationJob, ListModelInvocationJobs (paged) and
 * StopModelInvocationJob. Jobs read their input from, and write their output to, the S3 server
 * (the real S3 SDK against s3rver). Errors follow §0.2: status code, `x-amzn-ErrorType`, a JSON
 * body with `message`. A test tool only: nothing user-facing may import it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { signatureMismatchMessage } from './standInSignature';
import {
  JobEngine,
  type BatchQuotaSettings,
  type JobScript,
  type StandInJob,
} from './batchJobEngine';

export type { JobScript, StandInJob, BatchQuotaSettings } from './batchJobEngine';

export type ControlFault =
  | 'throttle'
  | 'internal'
  | 'unavailable'
  | 'dropAfterCreate'
  /** 403 ExpiredTokenException: temporary credentials ran out (waiting does not cure it). */
  | 'expiredToken'
  /** 403 AccessDeniedException naming the operation's IAM action (a permission removed). */
  | 'denied'
  /**
   * 403 InvalidSignatureException, the restJson answer to a signature AWS did not accept, whose
   * message quotes the canonical request (session token included).
   */
  | 'badSignature';
export type ControlOp = 'create' | 'get' | 'list' | 'stop';

export interface ControlCall {
  op: ControlOp;
  status: number;
  /** The jobIdentifier in the path of get and stop ('' for create and list). */
  job: string;
}

/** The IAM action behind each control-plane operation, as a denial names it. */
const ACTIONS: Record<ControlOp, string> = {
  create: 'CreateModelInvocationJob',
  get: 'GetModelInvocationJob',
  list: 'ListModelInvocationJobs',
  stop: 'StopModelInvocationJob',
};

export interface BatchStandInOptions {
  s3Endpoint: string;
  region?: string;
  accountId?: string;
  quotas?: Partial<BatchQuotaSettings>;
  /** Time spent in each status before the next; default 5 ms. */
  stepMs?: number;
  /** When set, only these roles may be passed (others get AccessDeniedException on create). */
  passableRoles?: string[];
}

export interface BatchStandIn {
  url: string;
  readonly jobs: readonly StandInJob[];
  /** Every control-plane request: operation, the job it named (if any) and HTTP status answered. */
  readonly calls: readonly ControlCall[];
  /** The messages of the `badSignature` answers given, in order. */
  readonly signatureErrors: readonly string[];
  /** The next created jobs take these scripts, in order; then `defaultScript`. */
  queueScripts(scripts: JobScript[]): void;
  setDefaultScript(script: JobScript): void;
  /** The next calls of `op` get these faults, one per call. */
  queueFaults(op: ControlOp, faults: ControlFault[]): void;
  /** Drops the faults still queued for `op`. */
  clearFaults(op: ControlOp): void;
  /** Jobs stop before entering `status` (e.g. 'InProgress') until `release()`. */
  holdBefore(status: string | null): void;
  release(): void;
  denyS3ForRole(roleArn: string): void;
  close(): Promise<void>;
}

const DEFAULT_QUOTAS: BatchQuotaSettings = {
  minRecordsPerJob: 100,
  maxRecordsPerFile: 50_000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 1024 ** 3,
  maxJobBytes: 5 * 1024 ** 3,
};

const JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const JOB_ID =
  /^((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job\/)?([a-z0-9]{12}))$/;

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': randomBytes(8).toString('hex'),
  };
  if (errorType)
    headers['x-amzn-ErrorType'] =
      `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`;
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

const fail = (res: ServerResponse, status: number, type: string, message: string) =>
  send(res, status, { message }, type);

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

function view(j: StandInJob) {
  return {
    jobArn: j.jobArn,
    jobName: j.jobName,
    modelId: j.modelId,
    clientRequestToken: j.clientRequestToken,
    roleArn: j.roleArn,
    status: j.status,
    message: j.message,
    submitTime: iso(j.submitTime),
    lastModifiedTime: iso(j.lastModifiedTime),
    endTime: iso(j.endTime),
    inputDataConfig: { s3InputDataConfig: { s3Uri: j.inputUri, s3InputFormat: 'JSONL' } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: j.outputUri } },
    timeoutDurationInHours: j.timeoutDurationInHours,
    jobExpirationTime: new Date(
      j.submitTime.getTime() + j.timeoutDurationInHours * 3_600_000,
    ).toISOString(),
    modelInvocationType: j.modelInvocationType,
    totalRecordCount: j.totalRecordCount,
    processedRecordCount: j.processedRecordCount,
    successRecordCount: j.successRecordCount,
    errorRecordCount: j.errorRecordCount,
  };
}

export async function startBatchStandIn(options: BatchStandInOptions): Promise<BatchStandIn> {
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '111122223333';
  const s3 = new S3Client({
    region,
    endpoint: options.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const hold = { at: null as string | null, waiters: [] as (() => void)[] };
  const rolesWithoutS3 = new Set<string>();
  const engine = new JobEngine({
    s3,
    quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
    stepMs: options.stepMs ?? 5,
    rolesWithoutS3,
    hold,
  });
  const jobs: StandInJob[] = [];
  const calls: ControlCall[] = [];
  const signatureErrors: string[] = [];
  const scripts: JobScript[] = [];
  let defaultScript: JobScript = {};
  const faults: Record<ControlOp, ControlFault[]> = { create: [], get: [], list: [], stop: [] };

  const findJob = (raw: string): StandInJob | undefined => {
    const id = JOB_ID.exec(raw)?.[4];
    return id === undefined ? undefined : jobs.find((j) => j.jobId === id);
  };

  function create(res: ServerResponse, raw: string, dropAnswer: boolean): void {
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail(res, 400, 'ValidationException', 'The request body is not valid JSON.');
    }
    const input = (b.inputDataConfig as { s3InputDataConfig?: { s3Uri?: unknown } } | undefined)
      ?.s3InputDataConfig?.s3Uri;
    const output = (b.outputDataConfig as { s3OutputDataConfig?: { s3Uri?: unknown } } | undefined)
      ?.s3OutputDataConfig?.s3Uri;
    const problems: string[] = [];
    if (typeof b.jobName !== 'string' || !JOB_NAME.test(b.jobName))
      problems.push(
        "Value at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      );
    if (typeof b.roleArn !== 'string' || !ROLE_ARN.test(b.roleArn))
      problems.push("Value at 'roleArn' failed to satisfy constraint");
    if (typeof b.modelId !== 'string' || b.modelId === '')
      problems.push("Value at 'modelId' must not be null");
    if (typeof input !== 'string' || !input.startsWith('s3://'))
      problems.push(
        "Value at 'inputDataConfig.s3InputDataConfig.s3Uri' failed to satisfy constraint",
      );
    if (typeof output !== 'string' || !output.startsWith('s3://'))
      problems.push(
        "Value at 'outputDataConfig.s3OutputDataConfig.s3Uri' failed to satisfy constraint",
      );
    const hours = b.timeoutDurationInHours;
    if (hours !== undefined && (typeof hours !== 'number' || hours < 24 || hours > 168))
      problems.push(
        "Value at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168",
      );
    const type = b.modelInvocationType ?? 'InvokeModel';
    if (type !== 'InvokeModel' && type !== 'Converse')
      problems.push("Value at 'modelInvocationType' failed to satisfy enum value set");
    if (problems.length > 0)
      return fail(
        res,
        400,
        'ValidationException',
        `${problems.length} validation error(s) detected: ${problems.join('; ')}`,
      );
    const token = typeof b.clientRequestToken === 'string' ? b.clientRequestToken : undefined;
    const same = token === undefined ? undefined : jobs.find((j) => j.clientRequestToken === token);
    if (same) {
      if (same.jobName !== b.jobName || same.modelId !== b.modelId) {
        return fail(
          res,
          400,
          'ConflictException',
          'The clientRequestToken was used with different parameters.',
        );
      }
      return send(res, 200, { jobArn: same.jobArn });
    }
    if (jobs.some((j) => j.jobName === b.jobName)) {
      return fail(
        res,
        400,
        'ConflictException',
        `A model invocation job named ${String(b.jobName)} already exists.`,
      );
    }
    if (options.passableRoles && !options.passableRoles.includes(b.roleArn as string)) {
      return fail(
        res,
        403,
        'AccessDeniedException',
        `User is not authorized to perform: iam:PassRole on resource: ${String(b.roleArn)}`,
      );
    }
    const jobId = randomBytes(9)
      .toString('base64')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')
      .slice(0, 12);
    const now = new Date();
    const job: StandInJob = {
      jobArn: `arn:aws:bedrock:${region}:${account}:model-invocation-job/${jobId}`,
      jobId,
      jobName: b.jobName as string,
      modelId: b.modelId as string,
      roleArn: b.roleArn as string,
      clientRequestToken: token,
      status: 'Submitted',
      submitTime: now,
      lastModifiedTime: now,
      inputUri: input as string,
      outputUri: output as string,
      timeoutDurationInHours: typeof hours === 'number' ? hours : 24,
      modelInvocationType: type as string,
      script: scripts.shift() ?? defaultScript,
      stopRequested: false,
    };
    jobs.push(job);
    engine.start(job);
    // The job exists, but the caller never hears so: its retry must not make a second one.
    if (dropAnswer) return void res.destroy();
    send(res, 200, { jobArn: job.jobArn });
  }

  function list(res: ServerResponse, query: URLSearchParams): void {
    const max = Number(query.get('maxResults') ?? 1000);
    if (!Number.isInteger(max) || max < 1 || max > 1000)
      return fail(
        res,
        400,
        'ValidationException',
        "Value at 'maxResults' failed to satisfy constraint",
      );
    let found = jobs.slice();
    const status = query.get('statusEquals');
    const name = query.get('nameContains');
    const after = query.get('submitTimeAfter');
    const before = query.get('submitTimeBefore');
    if (status) found = found.filter((j) => j.status === status);
    if (name) found = found.filter((j) => j.jobName.includes(name));
    if (after) found = found.filter((j) => j.submitTime > new Date(after));
    if (before) found = found.filter((j) => j.submitTime < new Date(before));
    found.sort((a, b) => a.submitTime.getTime() - b.submitTime.getTime());
    if (query.get('sortOrder') !== 'Ascending') found.reverse();
    const start = Number(Buffer.from(query.get('nextToken') ?? '', 'base64').toString('utf8') || 0);
    const page = found.slice(start, start + max);
    const next =
      start + max < found.length ? Buffer.from(String(start + max)).toString('base64') : undefined;
    send(res, 200, { invocationJobSummaries: page.map(view), nextToken: next });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    const raw = await readBody(req);
    let op: ControlOp | undefined;
    let id = '';
    // Not an AWS operation: the calls seen so far, for a test whose stand-in is its own process.
    if (req.method === 'GET' && path === '/__stand-in/calls') return send(res, 200, calls);
    if (req.method === 'POST' && path === '/model-invocation-job') op = 'create';
    else if (req.method === 'GET' && path === '/model-invocation-jobs') op = 'list';
    else {
      const m = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
      if (m?.[1]) {
        id = decodeURIComponent(m[1]);
        if (req.method === 'GET' && !m[2]) op = 'get';
        if (req.method === 'POST' && m[2]) op = 'stop';
      }
    }
    if (!op)
      return fail(res, 404, 'UnknownOperationException', `Not served: ${req.method} ${path}`);
    res.on('finish', () => calls.push({ op, status: res.statusCode, job: id }));
    const fault = faults[op].shift();
    if (fault === 'throttle') return fail(res, 429, 'ThrottlingException', 'Rate exceeded');
    if (fault === 'internal') return fail(res, 500, 'InternalServerException', 'Internal error');
    if (fault === 'unavailable')
      return fail(res, 503, 'ServiceUnavailableException', 'Service unavailable');
    if (fault === 'expiredToken')
      return fail(
        res,
        403,
        'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    if (fault === 'denied')
      return fail(
        res,
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${account}:user/analyst is not authorized to perform: bedrock:${ACTIONS[op]} because no identity-based policy allows the bedrock:${ACTIONS[op]} action`,
      );
    if (fault === 'badSignature') {
      const message = signatureMismatchMessage(req, raw);
      signatureErrors.push(message);
      return fail(res, 403, 'InvalidSignatureException', message);
    }
    if (op === 'create') return create(res, raw, fault === 'dropAfterCreate');
    if (op === 'list') return list(res, url.searchParams);
    const job = findJob(id);
    if (!JOB_ID.test(id))
      return fail(
        res,
        400,
        'ValidationException',
        "Value at 'jobIdentifier' failed to satisfy constraint",
      );
    if (!job)
      return fail(res, 404, 'ResourceNotFoundException', `Model invocation job ${id} not found.`);
    if (op === 'get') return send(res, 200, view(job));
    if (['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'].includes(job.status)) {
      return fail(
        res,
        400,
        'ValidationException',
        `Job ${job.jobId} is ${job.status} and cannot be stopped.`,
      );
    }
    job.stopRequested = true;
    job.status = 'Stopping';
    job.lastModifiedTime = new Date();
    send(res, 200, {});
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!res.headersSent) fail(res, 500, 'InternalServerException', `stand-in bug: ${String(e)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const release = () => {
    hold.at = null;
    hold.waiters.splice(0).forEach((w) => w());
  };
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    calls,
    signatureErrors,
    queueScripts: (s) => scripts.push(...s),
    setDefaultScript: (s) => (defaultScript = s),
    queueFaults: (op, f) => faults[op].push(...f),
    clearFaults: (op) => {
      faults[op].length = 0;
    },
    holdBefore: (status) => {
      if (status === null) release();
      else hold.at = status;
    },
    release,
    denyS3ForRole: (role) => rolesWithoutS3.add(role),
    close: async () => {
      release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      s3.destroy();
    },
  };
}
