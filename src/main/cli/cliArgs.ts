/**
 * The command line of `distill-roi run`, parsed and checked before anything is opened, so that a
 * mistake costs a message and exit code 2, never a half-created experiment.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { EndpointRefusedError, pickEndpoint, type EndpointSource } from '../common/endpoints';
import { checkRoleArn, parseS3Location } from '../../shared/batch/s3Location';
import { hangLimitProblem, type HangSettings } from '../../shared/domain/settings';

export interface PriceOverride {
  modelId: string;
  inputUsdPer1k: number;
  outputUsdPer1k: number;
}

export interface BatchFlags {
  s3Uri: string | undefined;
  roleArn: string | undefined;
  modelIds: string[];
}

export interface RunArgs {
  /** The arguments as typed (after `run`), to say the same command back with a change. */
  argv: string[];
  dataDir: string | undefined;
  endpoint: string | undefined;
  profile: string | undefined;
  json: boolean;
  /** Resume this experiment; every experiment setting below is then taken from the store. */
  resume: string | undefined;
  retryFailed: boolean;
  dataset: { file: string } | { id: string } | undefined;
  name: string | undefined;
  teacher: string | undefined;
  students: string[];
  region: string;
  repeats: number;
  concurrency: number;
  maxTokens: number;
  temperature: number;
  topP: number;
  budgetUsd: number | null;
  prices: PriceOverride[];
  /** Import --dataset FILE as a new dataset even when one holds the same paragraphs. */
  newDataset: boolean;
  /**
   * `--mode batch`: where and with which role the experiment runs as Bedrock batch jobs. A flag
   * left out is taken from the saved batch settings once the store is open (batchTarget.ts).
   */
  batch: BatchFlags | null;
  /** Batch: wait for the jobs to end and collect them (default), or return once they are created. */
  wait: boolean;
  bedrockEndpoint: string | undefined;
  s3Endpoint: string | undefined;
  /** --stall-first-event and --stall-idle in milliseconds; null: derived from the model's TTFT. */
  hang: HangSettings;
}

export const USAGE = `Usage: distill-roi run [options]

New experiment:
  --dataset FILE | --dataset-id ID   paragraphs from a .txt/.csv/.jsonl file, or a stored dataset
  --teacher MODEL --student MODEL [--student MODEL2 ...]
  --region REGION        default us-east-1
  --repeats N            calls per paragraph and model, default 3
  --concurrency N        calls in flight at most, default 4
  --max-tokens N         default 512
  --temperature X        default 0.5
  --top-p X              default 0.9
  --budget USD           pause once this much has been spent
  --price MODEL=IN,OUT   USD per 1,000 input and output tokens (required for models the
                         price catalog does not know; overrides it otherwise)
  --name TEXT            experiment name
  --new-dataset          import FILE as a new dataset even if one holds the same paragraphs
                         (by default that dataset is reused)
Batch (Bedrock batch inference, about half the on-demand price, results within 24 hours):
  --mode batch           run as batch jobs instead of on-demand calls (default: on-demand)
  --s3 s3://BUCKET/PREFIX   where the JSONL inputs and the outputs go (same region;
                         default: the S3 location saved in Settings › Batch inference)
  --role-arn ARN         the service role Bedrock assumes to read and write the bucket
                         (default: the service role saved in Settings › Batch inference)
  --batch-model MODEL    only this model in batch (repeatable; default: every model)
  --no-wait              return once the jobs are created; collect later with
                         distill-roi batch collect --experiment ID
  --bedrock-endpoint URL or AWS_ENDPOINT_URL_BEDROCK (control plane)
  --s3-endpoint URL      or AWS_ENDPOINT_URL_S3
Resume:
  --resume EXPERIMENT_ID [--retry-failed]   make the missing calls (and the failed ones again)
Common:
  --data-dir DIR         or DISTILL_ROI_DATA_DIR
  --endpoint URL         or AWS_ENDPOINT_URL_BEDROCK_RUNTIME
  --profile NAME         AWS profile (else the SDK's default credential chain)
  --stall-first-event S  seconds a call waits for its stream's first event before it is
                         given up as hung and retried (1-600; default: 4 × the model's
                         slowest recent time to first token, within 1-60 s; 10 s before it
                         has answered)
  --stall-idle S         seconds a stream may stay silent between two events (same range
                         and default)
  --json                 print the summary as JSON on stdout

Exit code: 0 when every call succeeded and the run completed, 1 otherwise, 2 on bad usage.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * An endpoint flag, else its environment variable (`[name, value]` each), checked by the
 * endpoint rules before anything is opened: a refused one is a UsageError naming the flag or the
 * variable it came from. The client factories check again, AWS_ENDPOINT_URL included.
 */
export function endpointArg(
  flag: EndpointSource,
  variable: readonly [name: `AWS_ENDPOINT_URL_${string}`, value: string | undefined],
): string | undefined {
  try {
    return pickEndpoint([flag, variable]);
  } catch (e) {
    if (e instanceof EndpointRefusedError) throw new UsageError(e.message);
    throw e;
  }
}

/** Named flags only (no positionals, no unknown flags); a mistake is a UsageError. */
export function parseFlags<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function number(flag: string, raw: string | undefined, fallback: number, integer = false): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new UsageError(
      `${flag} must be ${integer ? 'a whole number' : 'a number'}, got "${raw}".`,
    );
  }
  return value;
}

/** A hang limit flag in seconds, as milliseconds; null when not given. */
function hangLimit(flag: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const ms = raw.trim() === '' ? Number.NaN : Math.round(Number(raw) * 1000);
  const problem = hangLimitProblem(ms, flag, 'left out');
  if (problem !== null) throw new UsageError(`${problem.replace(/\.$/, '')}; got "${raw}".`);
  return ms;
}

export function parsePrice(raw: string): PriceOverride {
  const match = /^(.+)=([^,]+),([^,]+)$/.exec(raw);
  const inputUsdPer1k = Number(match?.[2]);
  const outputUsdPer1k = Number(match?.[3]);
  if (!match?.[1] || !(inputUsdPer1k >= 0) || !(outputUsdPer1k >= 0)) {
    throw new UsageError(
      `--price takes MODEL=IN,OUT in USD per 1,000 tokens, e.g. my.model-v1:0=0.0003,0.0006; got "${raw}".`,
    );
  }
  return { modelId: match[1], inputUsdPer1k, outputUsdPer1k };
}

const SETTINGS = [
  'dataset',
  'dataset-id',
  'teacher',
  'student',
  'region',
  'repeats',
  'concurrency',
  'max-tokens',
  'temperature',
  'top-p',
  'budget',
  'price',
  'name',
  'new-dataset',
  'mode',
  's3',
  'role-arn',
  'batch-model',
] as const;

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        dataset: { type: 'string' },
        'dataset-id': { type: 'string' },
        teacher: { type: 'string' },
        student: { type: 'string', multiple: true },
        region: { type: 'string' },
        repeats: { type: 'string' },
        concurrency: { type: 'string' },
        'max-tokens': { type: 'string' },
        temperature: { type: 'string' },
        'top-p': { type: 'string' },
        budget: { type: 'string' },
        endpoint: { type: 'string' },
        profile: { type: 'string' },
        resume: { type: 'string' },
        'retry-failed': { type: 'boolean' },
        price: { type: 'string', multiple: true },
        name: { type: 'string' },
        'new-dataset': { type: 'boolean' },
        json: { type: 'boolean' },
        mode: { type: 'string' },
        s3: { type: 'string' },
        'role-arn': { type: 'string' },
        'batch-model': { type: 'string', multiple: true },
        'no-wait': { type: 'boolean' },
        'bedrock-endpoint': { type: 'string' },
        's3-endpoint': { type: 'string' },
        'stall-first-event': { type: 'string' },
        'stall-idle': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.resume !== undefined) {
    const given = SETTINGS.filter((s) => v[s] !== undefined);
    if (given.length > 0) {
      throw new UsageError(
        `--resume continues an experiment as it was set up; drop --${given.join(', --')}.`,
      );
    }
  } else {
    if ((v.dataset === undefined) === (v['dataset-id'] === undefined)) {
      throw new UsageError('Give either --dataset FILE or --dataset-id ID (or --resume ID).');
    }
    if (v.teacher === undefined || (v.student ?? []).length === 0) {
      throw new UsageError('Give --teacher MODEL and at least one --student MODEL.');
    }
  }
  if (v['retry-failed'] && v.resume === undefined) {
    throw new UsageError('--retry-failed goes with --resume.');
  }
  const budget = v.budget === undefined ? null : number('--budget', v.budget, 0);
  const endpoint = endpointArg(
    ['--endpoint', v.endpoint],
    ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME],
  );
  const bedrockEndpoint = endpointArg(
    ['--bedrock-endpoint', v['bedrock-endpoint']],
    ['AWS_ENDPOINT_URL_BEDROCK', env.AWS_ENDPOINT_URL_BEDROCK],
  );
  const s3Endpoint = endpointArg(
    ['--s3-endpoint', v['s3-endpoint']],
    ['AWS_ENDPOINT_URL_S3', env.AWS_ENDPOINT_URL_S3],
  );
  const batch = batchArgs(v.mode, v.s3, v['role-arn'], v['batch-model'] ?? []);
  return {
    argv,
    dataDir: v['data-dir'] ?? env.DISTILL_ROI_DATA_DIR,
    endpoint,
    profile: v.profile,
    json: v.json ?? false,
    resume: v.resume,
    retryFailed: v['retry-failed'] ?? false,
    dataset:
      v.dataset !== undefined
        ? { file: v.dataset }
        : v['dataset-id'] !== undefined
          ? { id: v['dataset-id'] }
          : undefined,
    name: v.name,
    teacher: v.teacher,
    students: v.student ?? [],
    region: v.region ?? 'us-east-1',
    repeats: number('--repeats', v.repeats, 3, true),
    concurrency: number('--concurrency', v.concurrency, 4, true),
    maxTokens: number('--max-tokens', v['max-tokens'], 512, true),
    temperature: number('--temperature', v.temperature, 0.5),
    topP: number('--top-p', v['top-p'], 0.9),
    budgetUsd: budget,
    prices: (v.price ?? []).map(parsePrice),
    newDataset: v['new-dataset'] ?? false,
    batch,
    wait: !(v['no-wait'] ?? false),
    bedrockEndpoint,
    s3Endpoint,
    hang: {
      stallFirstEventMs: hangLimit('--stall-first-event', v['stall-first-event']),
      stallIdleMs: hangLimit('--stall-idle', v['stall-idle']),
    },
  };
}

function batchArgs(
  mode: string | undefined,
  s3: string | undefined,
  roleArn: string | undefined,
  modelIds: string[],
): RunArgs['batch'] {
  if (mode !== undefined && mode !== 'batch' && mode !== 'on-demand') {
    throw new UsageError(`--mode is batch or on-demand, got "${mode}".`);
  }
  if (mode !== 'batch') {
    if (s3 !== undefined || roleArn !== undefined || modelIds.length > 0) {
      throw new UsageError('--s3, --role-arn and --batch-model go with --mode batch.');
    }
    return null;
  }
  if (s3 !== undefined) {
    const loc = parseS3Location(s3, '--s3');
    if (!loc.ok) throw new UsageError(loc.message);
  }
  const roleProblem = roleArn === undefined ? null : checkRoleArn(roleArn, '--role-arn');
  if (roleProblem) throw new UsageError(roleProblem);
  return { s3Uri: s3?.trim(), roleArn: roleArn?.trim(), modelIds };
}

/** Flags that only mean something for a batch run; each takes a value. */
const BATCH_ONLY_FLAGS = ['--mode', '--s3', '--role-arn', '--batch-model'];

/** The run's arguments with the batch flags (and their values) left out: the same run on demand. */
export function onDemandArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (BATCH_ONLY_FLAGS.includes(a)) {
      i++; // its value
      continue;
    }
    if (BATCH_ONLY_FLAGS.some((f) => a.startsWith(`${f}=`))) continue;
    out.push(a);
  }
  return out;
}
