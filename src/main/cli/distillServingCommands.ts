/**
 * `distill-roi distill serve|evaluate`: buy a serving for a custom (distilled) model and wait
 * until it is in service; then evaluate it against the teacher on a dataset and save a ROI
 * scenario with the measured student and the distillation's actual cost. The `distill` group's
 * other subcommands (start, status, stop) live in their own file.
 */
import { parseArgs } from 'node:util';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { Database } from 'better-sqlite3';
import { parseModelRef } from '../../shared/models/modelRef';
import type { ProvisionedTerm } from '../../shared/pricing/priceSchemas';
import { servingCostText } from '../../shared/serving/servingCost';
import { ServeRequestSchema, type Serving } from '../../shared/serving/servingDomain';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { openDatabase } from '../db/open';
import { getExperiment } from '../db/repos/experiments';
import { findServingByArn } from '../db/repos/servings';
import { AppFailure } from '../common/failure';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { createEvaluation, requireInService, saveEvaluationScenario } from '../serving/evaluation';
import { serveCustomModel } from '../serving/serveCustomModel';
import { ServingService, servingTuning } from '../serving/servingService';
import { endpointArg } from './cliArgs';
import type { CliIo } from './cliIo';
import { runOnDemand } from './runCommand';
import { checkedCredentials } from '../credentials/signInEndpoints';

export const DISTILL_SERVING_USAGE = `Usage: distill-roi distill serve <customModelArn> --mode provisioned|on-demand [options] [--yes]
       distill-roi distill evaluate <servingArn> [--dataset ID --teacher MODEL] [options]

  serve     buy a Provisioned Throughput or an on-demand deployment and wait until it is in
            service; without --yes it only says what it would cost
              --units N  --term none|1month|6months  --usd-per-hour-per-unit X
              --input-usd-per-1k X  --output-usd-per-1k Y  (on-demand custom-model rates)
              --one-off-usd X  (what the distillation cost)  --no-wait
  evaluate  run the teacher and the served model on a dataset, then save a ROI scenario;
            a model this app distilled is evaluated on its own paragraphs and teacher
              --one-off-usd X  --capacity-tpm N  (tokens per minute one unit carries)
Options:
  --region R  --data-dir DIR  --profile NAME  --bedrock-endpoint URL  --endpoint URL  --json`;

const TERMS: Record<string, ProvisionedTerm> = {
  none: 'noCommitment',
  '1month': 'oneMonth',
  '6months': 'sixMonths',
};

const OPTIONS = {
  mode: { type: 'string' },
  units: { type: 'string' },
  term: { type: 'string' },
  'usd-per-hour-per-unit': { type: 'string' },
  'input-usd-per-1k': { type: 'string' },
  'output-usd-per-1k': { type: 'string' },
  'one-off-usd': { type: 'string' },
  'capacity-tpm': { type: 'string' },
  dataset: { type: 'string' },
  teacher: { type: 'string' },
  region: { type: 'string' },
  'data-dir': { type: 'string' },
  profile: { type: 'string' },
  'bedrock-endpoint': { type: 'string' },
  endpoint: { type: 'string' },
  yes: { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

class CliUsage extends Error {}

function numberOf(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new CliUsage(`${flag} must be a number of at least 0 (got "${raw}").`);
  }
  return n;
}

function regionOf(arn: string, given: string | undefined): string {
  const parsed = parseModelRef(arn);
  const region = given ?? (parsed.ok ? parsed.ref.region : null);
  if (!region) throw new CliUsage('--region is required when the ARN does not name one.');
  return region;
}

/** The control-plane and runtime endpoints, checked before anything is opened. */
interface Endpoints {
  bedrock: string | undefined;
  runtime: string | undefined;
}

function endpointsOf(v: Values, env: NodeJS.ProcessEnv): Endpoints {
  return {
    bedrock: endpointArg(
      ['--bedrock-endpoint', v['bedrock-endpoint']],
      ['AWS_ENDPOINT_URL_BEDROCK', env.AWS_ENDPOINT_URL_BEDROCK],
    ),
    runtime: endpointArg(
      ['--endpoint', v.endpoint],
      ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME],
    ),
  };
}

function servingService(
  db: Database,
  v: Values,
  io: CliIo,
  endpoint: string | undefined,
): ServingService {
  const credentials = checkedCredentials({ profile: v.profile });
  const clients = new Map<string, BedrockClient>();
  return new ServingService({
    db,
    clientFor: (region) => {
      let c = clients.get(region);
      if (!c) {
        c = createControlPlaneClient({
          region,
          credentials,
          ...(endpoint !== undefined ? { endpoint } : {}),
        });
        clients.set(region, c);
      }
      return c;
    },
    ...servingTuning(io.env),
  });
}

function describeServing(s: Serving): string {
  const what = s.kind === 'provisioned' ? 'Provisioned Throughput' : 'On-demand deployment';
  return [
    `${what} of ${s.customModelName}: ${s.phase}${s.awsStatus ? ` (AWS: ${s.awsStatus})` : ''}`,
    `  ARN: ${s.arn ?? 'not known yet'}`,
    `  Cost: ${servingCostText(s, new Date().toISOString())}`,
    ...(s.message ? [`  ${s.message}`] : []),
  ].join('\n');
}

async function serve(
  db: Database,
  v: Values,
  arn: string,
  io: CliIo,
  endpoints: Endpoints,
): Promise<number> {
  const mode = v.mode;
  if (mode !== 'provisioned' && mode !== 'on-demand') {
    throw new CliUsage('--mode must be provisioned or on-demand.');
  }
  const term = v.term === undefined ? undefined : TERMS[v.term];
  if (v.term !== undefined && !term) throw new CliUsage('--term must be none, 1month or 6months.');
  const units = numberOf('--units', v.units);
  const parsed = ServeRequestSchema.safeParse({
    customModelArn: arn,
    region: regionOf(arn, v.region),
    kind: mode === 'provisioned' ? 'provisioned' : 'customModelOnDemand',
    ...(mode === 'provisioned' ? { modelUnits: units ?? 1, term: term ?? 'noCommitment' } : {}),
    usdPerHourPerUnit: numberOf('--usd-per-hour-per-unit', v['usd-per-hour-per-unit']),
    inputUsdPer1k: numberOf('--input-usd-per-1k', v['input-usd-per-1k']),
    outputUsdPer1k: numberOf('--output-usd-per-1k', v['output-usd-per-1k']),
    oneOffCostUsd: numberOf('--one-off-usd', v['one-off-usd']),
    confirmed: v.yes ?? false,
  });
  if (!parsed.success) {
    throw new CliUsage(parsed.error.issues.map((i) => i.message).join('\n'));
  }
  const service = servingService(db, v, io, endpoints.bedrock);
  try {
    let serving: Serving;
    try {
      serving = await serveCustomModel(db, service, parsed.data);
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'needs_confirmation') {
        io.stderr.write(
          `${e.message.replace('Confirm to buy it.', 'Run again with --yes to buy it.')}\n`,
        );
        return 1;
      }
      throw e;
    }
    io.stderr.write(
      `Created ${serving.arn ?? '(request sent)'}; waiting until it is in service…\n`,
    );
    const final = v['no-wait'] ? serving : await service.settle(serving.id);
    io.stdout.write(`${v.json ? JSON.stringify(final, null, 2) : describeServing(final)}\n`);
    return final.phase === 'inService' || (v['no-wait'] && final.phase === 'creating') ? 0 : 1;
  } finally {
    service.close();
  }
}

async function evaluate(
  db: Database,
  v: Values,
  arn: string,
  dataDir: string,
  io: CliIo,
  endpoints: Endpoints,
): Promise<number> {
  const stored = findServingByArn(db, arn);
  if (!stored) {
    throw new CliUsage(`No serving ${arn} in ${dataDir}: serve it with \`distill serve\` first.`);
  }
  // A model the app distilled brings its teacher and paragraphs: the evaluation reruns them.
  const datasetId = v.dataset ?? stored.datasetId;
  const teacherModelId = v.teacher ?? stored.teacherModelId;
  if (!datasetId || !teacherModelId) {
    const missing = [!datasetId && '--dataset ID', !teacherModelId && '--teacher MODEL'].filter(
      Boolean,
    );
    throw new CliUsage(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required: this app did not distill ${stored.customModelName}, so it does not know them.`,
    );
  }
  const service = servingService(db, v, io, endpoints.bedrock);
  let serving: Serving;
  try {
    serving = requireInService(await service.refresh(stored.id));
  } finally {
    service.close();
  }
  const oneOffCostUsd = numberOf('--one-off-usd', v['one-off-usd']);
  const experimentId = createEvaluation(db, serving, {
    datasetId,
    teacherModelId,
    oneOffCostUsd,
  });
  io.stderr.write(`Evaluating ${serving.customModelName} (${arn}) against ${teacherModelId}\n`);
  const code = await runOnDemand(
    db,
    {
      endpoint: endpoints.runtime,
      profile: v.profile,
      json: v.json ?? false,
    },
    dataDir,
    io,
    experimentId,
  );
  const status = getExperiment(db, experimentId)?.status ?? 'unknown';
  const scenarioId = saveEvaluationScenario(db, service.get(serving.id), status, {
    oneOffCostUsd,
    capacityTokensPerMinutePerUnit: numberOf('--capacity-tpm', v['capacity-tpm']),
  });
  io.stderr.write(`Saved ROI scenario ${scenarioId} (experiment ${experimentId}).\n`);
  return code;
}

/** `action` is `serve` or `evaluate`; argv is what follows it. */
export async function distillServingCommand(
  action: 'serve' | 'evaluate',
  argv: string[],
  io: CliIo,
): Promise<number> {
  let v: Values;
  let arn: string | undefined;
  let endpoints: Endpoints;
  try {
    const parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: OPTIONS,
    });
    v = parsed.values;
    arn = parsed.positionals[0];
    endpoints = endpointsOf(v, io.env);
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${DISTILL_SERVING_USAGE}\n`);
    return 2;
  }
  if (!arn) {
    io.stderr.write(`distill ${action} needs an ARN.\n\n${DISTILL_SERVING_USAGE}\n`);
    return 2;
  }
  const dataDir =
    v['data-dir'] ?? io.env.DISTILL_ROI_DATA_DIR ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    return action === 'serve'
      ? await serve(db, v, arn, io, endpoints)
      : await evaluate(db, v, arn, dataDir, io, endpoints);
  } catch (e) {
    if (e instanceof CliUsage) {
      io.stderr.write(`${e.message}\n\n${DISTILL_SERVING_USAGE}\n`);
      return 2;
    }
    if (e instanceof AppFailure) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    db.close();
  }
}
