/**
 * A loopback stand-in for Bedrock's model customization jobs as AWS documents them
 * (docs/bedrock.md §2, §5), for distillation: CreateModelCustomizationJob
 * (`POST /model-customization-jobs` → 201, idempotent on `clientRequestToken`),
 * GetModelCustomizationJob (status and `statusDetails` moving one step per poll),
 * ListModelCustomizationJobs (paged with `maxResults`/`nextToken`) and
 * StopModelCustomizationJob. Errors are restJson1: status, `x-amzn-ErrorType`, `{"message"}`.
 * Which pairs and regions it accepts is its own table, written from AWS's published list, not
 * the app's, so a test shows the app's checks agree with the service. A test tool only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { writeError, writeJson } from './standInWire';
import { closeServer, listenOnLoopback } from './loopbackServer';
import { signatureMismatchMessage } from './standInSignature';

export type CustomizationScript = 'complete' | 'failAtValidation' | 'failAtTraining';
export type CustomizationOp = 'create' | 'get' | 'list' | 'stop';
/**
 * `badSignature`: 403 InvalidSignatureException, the restJson answer to a signature AWS did not
 * accept, whose message quotes the canonical request (session token included).
 */
export type CustomizationFault =
  'throttle' | 'internal' | 'dropAfterCreate' | 'hangUp' | 'badSignature';

type Sub = 'NotStarted' | 'InProgress' | 'Completed' | 'Stopping' | 'Stopped' | 'Failed';

export interface StandInCustomizationJob {
  jobArn: string;
  jobName: string;
  region: string;
  customModelName: string;
  clientRequestToken: string;
  roleArn: string;
  baseModelIdentifier: string;
  teacherModelIdentifier: string;
  trainingDataConfig: unknown;
  outputDataConfig: unknown;
  script: CustomizationScript;
  /** How many polls it has answered; each one moves it a step. */
  step: number;
  status: 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
  steps: { validation: Sub; dataProcessing: Sub; training: Sub };
  failureMessage?: string;
  outputModelArn?: string;
  creationTime: string;
  endTime?: string;
}

export interface CustomizationStandIn {
  readonly url: string;
  readonly jobs: readonly StandInCustomizationJob[];
  /** Every request: operation and the HTTP status answered. */
  readonly calls: readonly { op: CustomizationOp; status: number }[];
  /** The messages of the `badSignature` answers given, in order. */
  readonly signatureErrors: readonly string[];
  /** The next created jobs follow these scripts, in order; then 'complete'. */
  queueScripts(scripts: CustomizationScript[]): void;
  /** The next calls of `op` get these faults, one per call. */
  queueFaults(op: CustomizationOp, faults: CustomizationFault[]): void;
  /** Only these roles may be passed (others: AccessDeniedException naming iam:PassRole). */
  setPassableRoles(roles: string[] | null): void;
  /** These operations are denied (AccessDeniedException naming the bedrock: action). */
  denyOperations(ops: CustomizationOp[]): void;
  /** While held, polls answer without moving jobs on (a job that runs for hours). */
  holdProgress(held: boolean): void;
  close(): Promise<void>;
}

const ACCOUNT = '111122223333';
const BASE = (id: string) =>
  id
    .replace(/^arn:aws:bedrock:[a-z0-9-]*::foundation-model\//, '')
    .replace(/^(us|eu|apac|global)\./, '')
    .replace(/:\d+k$/, '');

/** Teacher → students per region, as AWS lists them (prerequisites for model distillation). */
const PAIRS: Record<string, Record<string, string[]>> = {
  'us-east-1': {
    'amazon.nova-pro-v1:0': ['amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0'],
    'amazon.nova-premier-v1:0': [
      'amazon.nova-lite-v1:0',
      'amazon.nova-micro-v1:0',
      'amazon.nova-pro-v1:0',
    ],
  },
  'us-west-2': {
    'meta.llama3-1-405b-instruct-v1:0': [
      'meta.llama3-1-8b-instruct-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
      'meta.llama3-2-1b-instruct-v1:0',
      'meta.llama3-3-70b-instruct-v1:0',
    ],
    'meta.llama3-1-70b-instruct-v1:0': [
      'meta.llama3-1-8b-instruct-v1:0',
      'meta.llama3-2-1b-instruct-v1:0',
      'meta.llama3-2-3b-instruct-v1:0',
    ],
  },
};

const ACTIONS: Record<CustomizationOp, string> = {
  create: 'bedrock:CreateModelCustomizationJob',
  get: 'bedrock:GetModelCustomizationJob',
  list: 'bedrock:ListModelCustomizationJobs',
  stop: 'bedrock:StopModelCustomizationJob',
};

const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;

const regionOf = (req: IncomingMessage): string | undefined =>
  /Credential=[^/,\s]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function created(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(201, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': 'stand-in-created',
  });
  res.end(text);
}

const detail = (status: Sub, at: string) =>
  status === 'NotStarted' ? { status } : { status, creationTime: at, lastModifiedTime: at };

function wireJob(j: StandInCustomizationJob) {
  return {
    jobArn: j.jobArn,
    jobName: j.jobName,
    outputModelName: j.customModelName,
    ...(j.outputModelArn ? { outputModelArn: j.outputModelArn } : {}),
    clientRequestToken: j.clientRequestToken,
    roleArn: j.roleArn,
    status: j.status,
    statusDetails: {
      validationDetails: detail(j.steps.validation, j.creationTime),
      dataProcessingDetails: detail(j.steps.dataProcessing, j.creationTime),
      trainingDetails: detail(j.steps.training, j.creationTime),
    },
    ...(j.failureMessage ? { failureMessage: j.failureMessage } : {}),
    creationTime: j.creationTime,
    lastModifiedTime: j.endTime ?? j.creationTime,
    ...(j.endTime ? { endTime: j.endTime } : {}),
    baseModelArn: `arn:aws:bedrock:${j.region}::foundation-model/${BASE(j.baseModelIdentifier)}`,
    trainingDataConfig: j.trainingDataConfig,
    validationDataConfig: { validators: [] },
    outputDataConfig: j.outputDataConfig,
    customizationType: 'DISTILLATION',
    customizationConfig: {
      distillationConfig: {
        teacherModelConfig: { teacherModelIdentifier: j.teacherModelIdentifier },
      },
    },
  };
}

/** One poll's worth of progress: validation, then data processing, then training. */
function advance(j: StandInCustomizationJob): void {
  const now = new Date().toISOString();
  if (j.status === 'Stopping') {
    j.status = 'Stopped';
    for (const k of ['validation', 'dataProcessing', 'training'] as const) {
      if (j.steps[k] === 'InProgress' || j.steps[k] === 'Stopping') j.steps[k] = 'Stopped';
    }
    j.endTime = now;
    return;
  }
  if (j.status !== 'InProgress') return;
  j.step += 1;
  if (j.step === 1) {
    if (j.script === 'failAtValidation') {
      j.steps.validation = 'Failed';
      j.status = 'Failed';
      j.failureMessage =
        'Validation failed: the training data must have at least 100 records, and line 3 has no messages.';
      j.endTime = now;
      return;
    }
    j.steps = { validation: 'Completed', dataProcessing: 'InProgress', training: 'NotStarted' };
  } else if (j.step === 2) {
    j.steps = { validation: 'Completed', dataProcessing: 'Completed', training: 'InProgress' };
  } else if (j.step >= 3) {
    if (j.script === 'failAtTraining') {
      j.steps.training = 'Failed';
      j.status = 'Failed';
      j.failureMessage =
        'Training failed: an internal error occurred while training the student model.';
      j.endTime = now;
      return;
    }
    j.steps.training = 'Completed';
    j.status = 'Completed';
    j.outputModelArn = `arn:aws:bedrock:${j.region}:${ACCOUNT}:custom-model/${BASE(j.baseModelIdentifier)}/${randomBytes(6).toString('hex')}`;
    j.endTime = now;
  }
}

export async function startCustomizationStandIn(
  options: { pageSize?: number } = {},
): Promise<CustomizationStandIn> {
  const jobs: StandInCustomizationJob[] = [];
  const calls: { op: CustomizationOp; status: number }[] = [];
  const signatureErrors: string[] = [];
  const scripts: CustomizationScript[] = [];
  const faults: Record<CustomizationOp, CustomizationFault[]> = {
    create: [],
    get: [],
    list: [],
    stop: [],
  };
  let passable: string[] | null = null;
  let denied = new Set<CustomizationOp>();
  let held = false;
  const pageSize = options.pageSize ?? 100;

  const fail = (
    res: ServerResponse,
    op: CustomizationOp,
    status: number,
    type: string,
    msg: string,
  ) => {
    calls.push({ op, status });
    writeError(res, status, type, msg);
  };
  const ok = (res: ServerResponse, op: CustomizationOp, body: unknown) => {
    calls.push({ op, status: 200 });
    writeJson(res, body);
  };
  const findJob = (id: string) => jobs.find((j) => j.jobArn === id || j.jobName === id);

  async function create(req: IncomingMessage, res: ServerResponse, region: string, drop: boolean) {
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    const token = typeof body.clientRequestToken === 'string' ? body.clientRequestToken : undefined;
    const same = token ? jobs.find((j) => j.clientRequestToken === token) : undefined;
    if (same) {
      calls.push({ op: 'create', status: 201 });
      return created(res, { jobArn: same.jobArn });
    }
    const jobName = String(body.jobName ?? '');
    const roleArn = String(body.roleArn ?? '');
    const cfg = body.customizationConfig as
      | { distillationConfig?: { teacherModelConfig?: { teacherModelIdentifier?: string } } }
      | undefined;
    const teacherId = cfg?.distillationConfig?.teacherModelConfig?.teacherModelIdentifier ?? '';
    const studentId = String(body.baseModelIdentifier ?? '');
    if (!JOB_NAME.test(jobName) || jobName.length > 63) {
      return fail(
        res,
        'create',
        400,
        'ValidationException',
        `1 validation error detected: Value '${jobName}' at 'jobName' failed to satisfy constraint.`,
      );
    }
    if (!ROLE_ARN.test(roleArn)) {
      return fail(
        res,
        'create',
        400,
        'ValidationException',
        `Value '${roleArn}' at 'roleArn' failed to satisfy constraint.`,
      );
    }
    if (passable && !passable.includes(roleArn)) {
      return fail(
        res,
        'create',
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT}:user/analyst is not authorized to perform: iam:PassRole on resource: ${roleArn}`,
      );
    }
    if (body.customizationType !== 'DISTILLATION') {
      return fail(
        res,
        'create',
        400,
        'ValidationException',
        'This stand-in serves DISTILLATION jobs only.',
      );
    }
    const regionPairs = PAIRS[region];
    if (!regionPairs) {
      return fail(
        res,
        'create',
        400,
        'ValidationException',
        `Model distillation is not supported in region ${region}.`,
      );
    }
    if (!(regionPairs[BASE(teacherId)] ?? []).includes(BASE(studentId))) {
      return fail(
        res,
        'create',
        400,
        'ValidationException',
        `The teacher model ${teacherId} cannot be distilled into ${studentId}.`,
      );
    }
    if (jobs.some((j) => j.jobName === jobName)) {
      return fail(
        res,
        'create',
        400,
        'ConflictException',
        `A job named ${jobName} already exists.`,
      );
    }
    const job: StandInCustomizationJob = {
      jobArn: `arn:aws:bedrock:${region}:${ACCOUNT}:model-customization-job/${BASE(studentId)}/${randomBytes(6).toString('hex')}`,
      jobName,
      region,
      customModelName: String(body.customModelName ?? ''),
      clientRequestToken: token ?? randomBytes(8).toString('hex'),
      roleArn,
      baseModelIdentifier: studentId,
      teacherModelIdentifier: teacherId,
      trainingDataConfig: body.trainingDataConfig,
      outputDataConfig: body.outputDataConfig,
      script: scripts.shift() ?? 'complete',
      step: 0,
      status: 'InProgress',
      steps: { validation: 'InProgress', dataProcessing: 'NotStarted', training: 'NotStarted' },
      creationTime: new Date().toISOString(),
    };
    jobs.push(job);
    calls.push({ op: 'create', status: 201 });
    // The job exists, but the answer is lost: the client must retry with the same token.
    if (drop) return void res.destroy();
    created(res, { jobArn: job.jobArn });
  }

  function list(res: ServerResponse, q: URLSearchParams, region: string) {
    const mine = jobs.filter((j) => j.region === region);
    const max = Math.min(Number(q.get('maxResults') ?? pageSize) || pageSize, pageSize);
    const token = q.get('nextToken');
    const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0 || start > mine.length) {
      return fail(res, 'list', 400, 'ValidationException', 'The nextToken is not valid.');
    }
    const end = start + max;
    ok(res, 'list', {
      modelCustomizationJobSummaries: mine.slice(start, end).map((j) => {
        const w = wireJob(j);
        return {
          jobArn: w.jobArn,
          baseModelArn: w.baseModelArn,
          jobName: w.jobName,
          status: w.status,
          statusDetails: w.statusDetails,
          creationTime: w.creationTime,
          ...(w.outputModelArn ? { customModelArn: w.outputModelArn } : {}),
          customModelName: w.outputModelName,
          customizationType: 'DISTILLATION',
        };
      }),
      ...(end < mine.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
    });
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'model-customization-jobs') {
      return writeError(
        res,
        404,
        'UnknownOperationException',
        `Not served: ${req.method} ${url.pathname}`,
      );
    }
    const op: CustomizationOp =
      req.method === 'POST' && parts.length === 1
        ? 'create'
        : req.method === 'POST' && parts[2] === 'stop'
          ? 'stop'
          : parts.length === 1
            ? 'list'
            : 'get';
    const region = regionOf(req) ?? 'us-east-1';
    const fault = faults[op].shift();
    if (fault === 'hangUp') return void res.destroy();
    if (fault === 'throttle')
      return fail(
        res,
        op,
        429,
        'ThrottlingException',
        'Too many requests, please wait before trying again.',
      );
    if (fault === 'internal')
      return fail(res, op, 500, 'InternalServerException', 'Internal server error');
    if (fault === 'badSignature') {
      const message = signatureMismatchMessage(req, await readBody(req));
      signatureErrors.push(message);
      return fail(res, op, 403, 'InvalidSignatureException', message);
    }
    if (denied.has(op)) {
      return fail(
        res,
        op,
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT}:user/analyst is not authorized to perform: ${ACTIONS[op]}`,
      );
    }
    if (op === 'create') {
      return create(req, res, region, fault === 'dropAfterCreate');
    }
    if (op === 'list') return list(res, url.searchParams, region);
    const job = findJob(decodeURIComponent(parts[1] ?? ''));
    if (!job) return fail(res, op, 404, 'ResourceNotFoundException', 'The job was not found.');
    if (op === 'stop') {
      if (job.status !== 'InProgress') {
        return fail(
          res,
          'stop',
          400,
          'ValidationException',
          `Job ${job.jobName} is ${job.status}; only a job in progress can be stopped.`,
        );
      }
      job.status = 'Stopping';
      for (const k of ['validation', 'dataProcessing', 'training'] as const) {
        if (job.steps[k] === 'InProgress') job.steps[k] = 'Stopping';
      }
      return ok(res, 'stop', {});
    }
    if (!held || job.status === 'Stopping') advance(job);
    ok(res, 'get', wireJob(job));
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => writeError(res, 500, 'InternalServerException', 'stand-in error'));
  });
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    calls,
    signatureErrors,
    queueScripts: (s) => void scripts.push(...s),
    queueFaults: (op, f) => void faults[op].push(...f),
    setPassableRoles: (roles) => void (passable = roles),
    denyOperations: (ops) => void (denied = new Set(ops)),
    holdProgress: (h) => void (held = h),
    close: () => closeServer(server),
  };
}
