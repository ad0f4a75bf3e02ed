/**
 * `distill-roi prices refresh`: reads the AWS Price List (or one offer file given with --from)
 * into dated snapshots and prints what changed since the last one. `distill-roi prices list`
 * shows the stored snapshots without touching the network. A refresh that fails keeps the
 * stored snapshot and says so; the exit code is 1 then, so scripts notice.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPricingClient } from '../priceList/getProducts';
import type { PriceChange } from '../../shared/pricing/priceList/priceSnapshot';
import { openDatabase } from '../db/open';
import { listPriceSnapshots } from '../db/repos/priceSnapshots';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { endpointProblem } from '../../shared/domain/endpoint';
import { DEFAULT_PRICE_LIST_URL, PRICE_LIST_URL_ENV } from '../priceList/priceListHttp';
import { refreshPrices, type RegionRefresh } from '../priceList/refreshPrices';
import { UsageError } from './cliArgs';
import type { CliIo } from './cliIo';
import { checkedCredentials } from '../credentials/signInEndpoints';

export const PRICES_USAGE = `Usage:
  distill-roi prices refresh [--region R ...] [--from URL|FILE] [--via get-products] [--json]
  distill-roi prices list [--region R] [--json]

  --region R            default us-east-1; repeat for several regions
  --from URL|FILE       read this one offer file instead of the Price List's index
  --via get-products    use the Price List Query API (needs pricing:GetProducts; endpoint
                        from AWS_ENDPOINT_URL_PRICING) instead of the public bulk files
  --profile NAME        AWS profile for --via get-products (else the default chain)
  --price-list-url URL  Price List base URL (a proxy, a mirror), or ${PRICE_LIST_URL_ENV}
  --data-dir DIR        or DISTILL_ROI_DATA_DIR
  --json                print the result as JSON

Exit code: 0 done, 1 a refresh kept the previous snapshot, 2 bad usage.`;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** --region values, each checked, once each. */
export function checkedRegions(regions: readonly string[]): string[] {
  for (const r of regions) {
    if (!REGION.test(r))
      throw new UsageError(`--region must be an AWS region such as us-east-1, got "${r}".`);
  }
  return [...new Set(regions)];
}

/**
 * The Price List base URL: --price-list-url, else the environment, else AWS's host. With
 * `allowFolder`, an existing folder that mirrors the Price List's layout is taken too.
 */
export function priceListBaseUrl(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  allowFolder = false,
): string {
  const fromEnv = env[PRICE_LIST_URL_ENV] || undefined;
  const [name, baseUrl] =
    flag !== undefined
      ? ['--price-list-url', flag]
      : fromEnv !== undefined
        ? [PRICE_LIST_URL_ENV, fromEnv]
        : ['The Price List URL', DEFAULT_PRICE_LIST_URL];
  if (/^https?:\/\//i.test(baseUrl)) {
    // The endpoint rules, as for every other endpoint: https, or http:// to this computer.
    const problem = endpointProblem(baseUrl, name);
    if (problem !== null) throw new UsageError(problem);
    return baseUrl;
  }
  if (allowFolder && statSync(baseUrl, { throwIfNoEntry: false })?.isDirectory()) {
    return resolve(baseUrl);
  }
  throw new UsageError(
    `${name} must be an http(s) URL${allowFolder ? ' or a folder' : ''}, got "${baseUrl}".`,
  );
}

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        region: { type: 'string', multiple: true },
        from: { type: 'string' },
        via: { type: 'string' },
        profile: { type: 'string' },
        'price-list-url': { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const regions = checkedRegions(v.region ?? ['us-east-1']);
  const baseUrl = priceListBaseUrl(v['price-list-url'], env);
  if (v.via !== undefined && v.via !== 'get-products' && v.via !== 'bulk') {
    throw new UsageError(`--via takes get-products or bulk, got "${v.via}".`);
  }
  if (v.via === 'get-products' && v.from !== undefined) {
    throw new UsageError('--from reads one offer file; it does not go with --via get-products.');
  }
  return {
    regions,
    from: v.from,
    query: v.via === 'get-products',
    profile: v.profile,
    baseUrl,
    json: v.json ?? false,
    dataDir: v['data-dir'] ?? env.DISTILL_ROI_DATA_DIR,
  };
}

const describeRow = (c: PriceChange): string => {
  const r = c.after ?? c.before;
  if (!r) return c.key;
  const what = [
    r.modelName,
    r.kind === 'tokens' ? '' : r.kind,
    r.tier,
    r.scope === 'global' ? 'global' : '',
    r.direction ?? r.term ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const fmt = (x: number | undefined) => (x === undefined ? '—' : `$${x}`);
  return `${what}: ${fmt(c.before?.usd)} → ${fmt(c.after?.usd)} per ${r.per}`;
};

export function formatRefresh(r: RegionRefresh): string {
  const lines = [`${r.region}: ${r.message}`];
  if (r.outcome === 'saved' && r.diff && r.diff.fromPublicationDate !== null) {
    for (const c of [...r.diff.changed, ...r.diff.added, ...r.diff.removed]) {
      lines.push(`  ${describeRow(c)}`);
    }
  }
  for (const p of r.problems) lines.push(`  ! ${p}`);
  return lines.join('\n');
}

export async function pricesCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(`${PRICES_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  let args: ReturnType<typeof parse>;
  try {
    if (sub !== 'refresh' && sub !== 'list')
      throw new UsageError(`Unknown prices command "${sub}".`);
    args = parse(rest, io.env);
    if (sub === 'list' && args.from !== undefined)
      throw new UsageError('--from goes with refresh.');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${PRICES_USAGE}\n`);
    return 2;
  }
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    if (sub === 'list') {
      const snaps = args.regions.flatMap((r) => listPriceSnapshots(db, r));
      io.stdout.write(
        args.json
          ? `${JSON.stringify(snaps, null, 2)}\n`
          : `${snaps.length === 0 ? 'No price snapshots stored: run distill-roi prices refresh.' : snaps.map((s) => `#${s.id} ${s.region} published ${s.publicationDate.slice(0, 10)}, fetched ${s.fetchedAt.slice(0, 16)}: ${s.rowCount} prices (${s.offers.map((o) => o.offerCode).join(', ')})`).join('\n')}\n`,
      );
      return 0;
    }
    const query = args.query
      ? createPricingClient({
          credentials: checkedCredentials({ profile: args.profile }),
        })
      : undefined;
    const results = await refreshPrices(db, {
      regions: args.regions,
      baseUrl: args.baseUrl,
      ...(args.from !== undefined ? { from: args.from } : {}),
      ...(query ? { query } : {}),
    }).finally(() => query?.destroy());
    io.stdout.write(
      args.json
        ? `${JSON.stringify(results, null, 2)}\n`
        : `${results.map(formatRefresh).join('\n')}\n`,
    );
    return results.some((r) => r.outcome === 'kept') ? 1 : 0;
  } finally {
    db.close();
  }
}
