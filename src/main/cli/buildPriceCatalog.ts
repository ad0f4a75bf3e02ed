/**
 * `npm run prices:build-catalog`: rebuilds the shipped price catalog from the AWS Price List
 * (bulk offer files, no credentials) into shared/pricing/shippedSnapshot.json. Run on a machine
 * that can reach pricing.us-east-1.amazonaws.com, then rebuild the app. When any region cannot be
 * read, nothing is written: a half-built catalog would silently leave prices unknown.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SHIPPED_REGIONS } from '../../shared/models/shippedModelList';
import { buildShippedSnapshot } from '../priceList/buildShippedSnapshot';
import { DEFAULT_PRICE_LIST_URL, PRICE_LIST_URL_ENV } from '../priceList/priceListHttp';
import type { CliIo } from './cliIo';
import { checkedRegions, priceListBaseUrl } from './pricesCommand';

export const DEFAULT_SHIPPED_SNAPSHOT_PATH = 'src/shared/pricing/shippedSnapshot.json';

export const BUILD_PRICE_CATALOG_USAGE = `Usage:
  npm run prices:build-catalog -- [--region R ...] [--price-list-url URL|DIR] [--from FILE|URL] [--out FILE]

Reads the AWS Price List bulk offer files for Amazon Bedrock with the same reader as
"distill-roi prices refresh" and writes the dated snapshot the app ships with.

  --region R            default ${SHIPPED_REGIONS.join(' and ')}; repeat for several regions
  --price-list-url URL|DIR
                        Price List base URL (a mirror, a proxy), or a folder holding the
                        same paths (offers/v1.0/aws/index.json...), or ${PRICE_LIST_URL_ENV};
                        default ${DEFAULT_PRICE_LIST_URL}
  --from FILE|URL       read this one offer file instead of the Price List's index
  --out FILE            default ${DEFAULT_SHIPPED_SNAPSHOT_PATH}
  --help                print this

Exit code: 0 written, 1 a region could not be read (nothing written), 2 bad usage.`;

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const v = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      region: { type: 'string', multiple: true },
      'price-list-url': { type: 'string' },
      from: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
  return {
    help: v.help ?? false,
    regions: checkedRegions(v.region ?? SHIPPED_REGIONS),
    baseUrl: priceListBaseUrl(v['price-list-url'], env, true),
    from: v.from,
    out: v.out ?? DEFAULT_SHIPPED_SNAPSHOT_PATH,
  };
}

export async function buildPriceCatalogCommand(argv: string[], io: CliIo): Promise<number> {
  let v;
  try {
    v = parse(argv, io.env);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n\n${BUILD_PRICE_CATALOG_USAGE}\n`);
    return 2;
  }
  if (v.help) {
    io.stdout.write(`${BUILD_PRICE_CATALOG_USAGE}\n`);
    return 0;
  }
  const built = await buildShippedSnapshot({
    regions: v.regions,
    baseUrl: v.baseUrl,
    ...(v.from ? { from: v.from } : {}),
  });
  for (const m of built.messages) io.stderr.write(`${m}\n`);
  if (built.failed.length > 0) {
    io.stderr.write(
      `Not written: no prices read for ${built.failed.join(', ')}. The shipped catalog is unchanged.\n`,
    );
    return 1;
  }
  writeFileSync(v.out, `${JSON.stringify(built.shipped, null, 2)}\n`);
  io.stdout.write(
    `Wrote ${v.out}: ${built.shipped.snapshots.map((s) => `${s.region} ${s.rows.length} prices`).join(', ')}, published ${built.shipped.publicationDate?.slice(0, 10)}. Rebuild the app to ship it.\n`,
  );
  return 0;
}
