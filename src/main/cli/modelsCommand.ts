/**
 * `distill-roi models`: the models a region offers, with the id each is called by (and whether
 * that is an inference profile) and lifecycle warnings. From the account when the control plane
 * answers, else the stored list, else the shipped one; `--offline` skips the network on purpose.
 */
import { parseArgs } from 'node:util';
import { pickableModels, type PickableModel } from '../../shared/models/modelListView';
import { describeModelResolution } from '../../shared/models/modelResolution';
import type { ModelListAnswer } from '../../shared/models/modelList';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { fetchModelList } from '../bedrock/listModels';
import { openDatabase } from '../db/open';
import { loadModelList } from '../models/modelListService';
import { resolveModel } from '../models/resolveModel';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { endpointArg, UsageError } from './cliArgs';
import type { CliIo } from './cliIo';
import { checkedCredentials } from '../credentials/signInEndpoints';

export const MODELS_USAGE = `Usage: distill-roi models [--region R] [--json] [--offline]
  --region R        default us-east-1
  --offline         use the stored list (else the shipped one) without calling AWS
  --endpoint URL    Bedrock control-plane endpoint, or AWS_ENDPOINT_URL_BEDROCK
  --profile NAME    AWS profile (else the SDK's default credential chain)
  --data-dir DIR    or DISTILL_ROI_DATA_DIR
  --json            print the list as JSON
  --resolve ID      say which base model an id, profile or ARN is priced as (application
                    profiles, provisioned models and deployments are looked up in the account)`;

interface ModelsArgs {
  region: string;
  json: boolean;
  offline: boolean;
  endpoint: string | undefined;
  profile: string | undefined;
  dataDir: string | undefined;
  resolve: string | undefined;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): ModelsArgs {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        region: { type: 'string' },
        json: { type: 'boolean' },
        offline: { type: 'boolean' },
        endpoint: { type: 'string' },
        profile: { type: 'string' },
        'data-dir': { type: 'string' },
        resolve: { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const region = v.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new UsageError(`--region must be an AWS region such as us-east-1, got "${region}".`);
  }
  return {
    region,
    json: v.json ?? false,
    offline: v.offline ?? false,
    endpoint: endpointArg(
      ['--endpoint', v.endpoint],
      ['AWS_ENDPOINT_URL_BEDROCK', env.AWS_ENDPOINT_URL_BEDROCK],
    ),
    profile: v.profile,
    dataDir: v['data-dir'] ?? env.DISTILL_ROI_DATA_DIR,
    resolve: v.resolve,
  };
}

function formatRow(m: PickableModel): string {
  const how = m.needsProfile ? `call as ${m.invokeId} (inference profile needed)` : 'on demand';
  const life = m.warning ? `\n    ! ${m.warning}` : '';
  return `  ${m.name} [${m.provider}]\n    ${m.modelId}: ${how}${life}`;
}

export function formatModels(answer: ModelListAnswer, rows: PickableModel[]): string {
  const origin = {
    account: `from your account, fetched ${answer.list.fetchedAt}`,
    stored: `stored list of ${answer.list.fetchedAt}`,
    shipped: `shipped list, checked ${answer.list.fetchedAt}`,
  }[answer.origin];
  const head = `Models in ${answer.list.region} (${origin}): ${rows.length}`;
  return [head, ...(answer.notice ? [answer.notice] : []), ...rows.map(formatRow)].join('\n');
}

export async function modelsCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${MODELS_USAGE}\n`);
    return 0;
  }
  let args: ModelsArgs;
  try {
    args = parse(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${MODELS_USAGE}\n`);
    return 2;
  }
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    const credentials = checkedCredentials({ profile: args.profile });
    const controlPlaneFor = (region: string) =>
      createControlPlaneClient({
        region,
        credentials,
        ...(args.endpoint !== undefined ? { endpoint: args.endpoint } : {}),
      });
    const fetch = async (region: string) => {
      const client = controlPlaneFor(region);
      try {
        return await fetchModelList(client, region);
      } finally {
        client.destroy();
      }
    };
    if (args.resolve !== undefined) {
      const r = await resolveModel(
        db,
        args.resolve,
        args.region,
        args.offline ? undefined : controlPlaneFor,
      );
      io.stdout.write(
        args.json
          ? `${JSON.stringify(r, null, 2)}\n`
          : `${args.resolve}: ${describeModelResolution(r)}\n`,
      );
      return r.ok ? 0 : 1;
    }
    const answer = await loadModelList(db, args.region, args.offline ? {} : { fetch });
    const today = new Date().toISOString().slice(0, 10);
    const rows = pickableModels(answer.list, today);
    if (args.json) {
      io.stdout.write(
        `${JSON.stringify({ region: args.region, origin: answer.origin, fetchedAt: answer.list.fetchedAt, source: answer.list.source, notice: answer.notice, models: rows }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(`${formatModels(answer, rows)}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}
