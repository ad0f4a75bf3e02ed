/**
 * `distill-roi bill reconcile --from DATE --to DATE`: the AWS bill (Cost Explorer) against the
 * app's computed spend per model, with the difference explained, in 80 columns. A range fetched
 * before is read from the store without a request; `--refresh` fetches again. Before fetching it
 * says how many requests it makes and what they cost (each is billed).
 */
import type { Reconciliation } from '../../shared/billing/billingSchemas';
import { CE_REQUEST_USD } from '../../shared/billing/fetchPlan';
import { TAGGED_HEADING } from '../../shared/billing/profileCalls';
import { formatUsd } from '../../shared/format';
import { planBill, reconcileBill } from '../billing/billService';
import { createCostExplorerClient } from '../billing/costExplorerClient';
import { openDatabase } from '../db/open';
import { databasePath, defaultDataDir } from '../paths/dataDir';
import { AppFailure } from '../common/failure';
import { parseFlags, UsageError } from './cliArgs';
import { table, wrapLine } from './cliSummary';
import type { CliIo } from './cliIo';
import { checkedCredentials } from '../credentials/signInEndpoints';

export const BILL_USAGE = `Usage:
  distill-roi bill reconcile --from DATE --to DATE [--json] [--refresh]

  --from DATE       first day (UTC), e.g. 2026-12-04
  --to DATE         last day (UTC), included
  --refresh         fetch from Cost Explorer again ($0.01 per request); otherwise a range
                    fetched before is read from the store without a request
  --tag KEY         group the bill by this activated cost allocation tag
  --profile NAME    AWS profile (else the default chain); Cost Explorer is in us-east-1,
                    endpoint from AWS_ENDPOINT_URL_COST_EXPLORER
  --data-dir DIR    or DISTILL_ROI_DATA_DIR
  --json            print the reconciliation as JSON

Exit code: 0 done, 1 Cost Explorer failed, 2 bad usage.`;

const WIDTH = 80;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const v = parseFlags(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    refresh: { type: 'boolean' },
    tag: { type: 'string' },
    profile: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
  });
  for (const flag of ['from', 'to'] as const) {
    const d = v[flag];
    if (d === undefined) throw new UsageError(`--${flag} is required (a date like 2026-12-04).`);
    if (!DAY.test(d)) throw new UsageError(`--${flag} must be a date like 2026-12-04, got "${d}".`);
  }
  return {
    from: v.from ?? '',
    to: v.to ?? '',
    refresh: v.refresh ?? false,
    tagKey: v.tag ?? null,
    profile: v.profile,
    json: v.json ?? false,
    dataDir: v['data-dir'] ?? env.DISTILL_ROI_DATA_DIR,
  };
}

const signed = (x: number) => (x > 0 ? `+${formatUsd(x)}` : formatUsd(x));
const fit = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatReconciliation(r: Reconciliation, requestsMade: number): string {
  const out: string[] = [`Bedrock bill vs computed spend, ${r.from} to ${r.to} (USD)`];
  const through = r.latestBilledDay
    ? `Billing data through ${r.latestBilledDay}`
    : 'No billing data for these days yet';
  out.push(
    ...wrapLine(
      `${through}; fetched ${(r.fetchedAt ?? '').slice(0, 16).replace('T', ' ')} UTC; ${requestsMade === 0 ? 'read from the store (no request)' : `${requestsMade} Cost Explorer requests made (${formatUsd(requestsMade * CE_REQUEST_USD)})`}.`,
      WIDTH,
    ),
    '',
  );
  const rows = r.models.map((m) => [
    fit(m.name, 26),
    m.region,
    formatUsd(m.billedUsd),
    formatUsd(m.computedUsd),
    signed(m.differenceUsd),
  ]);
  rows.push([
    'Total',
    '',
    formatUsd(r.totals.billedUsd),
    formatUsd(r.totals.computedUsd),
    signed(r.totals.differenceUsd),
  ]);
  out.push(...table(['Model', 'Region', 'Billed USD', 'Computed USD', 'Diff USD'], rows));
  for (const m of r.models) {
    out.push('', `${m.name} (${m.region}):`);
    for (const e of m.explanations) out.push(...wrapLine(`  - ${e}`, WIDTH, '    '));
  }
  if (r.otherUsage.length > 0) {
    out.push(
      '',
      `Other Bedrock usage in the account, ${formatUsd(r.totals.otherUsageUsd)} (models the app did not call):`,
    );
    for (const o of r.otherUsage) {
      out.push(
        ...wrapLine(`  - ${o.name} (${o.region}): ${formatUsd(o.billedUsd)}`, WIDTH, '    '),
      );
    }
  }
  if (r.tagged.length > 0) {
    out.push('', ...wrapLine(`${TAGGED_HEADING}:`, WIDTH, ''));
    for (const t of r.tagged) {
      const computed = t.computedUsd === null ? '' : `, computed ${formatUsd(t.computedUsd)}`;
      out.push(
        ...wrapLine(
          `  - ${t.tagValue || '(untagged)'}: billed ${formatUsd(t.billedUsd)}${computed}`,
          WIDTH,
          '    ',
        ),
      );
    }
  }
  if (r.notes.length > 0) {
    out.push('', 'Notes:');
    for (const n of r.notes) out.push(...wrapLine(`  - ${n}`, WIDTH, '    '));
  }
  return `${out.join('\n')}\n`;
}

export async function billCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(`${BILL_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  let args: ReturnType<typeof parse>;
  try {
    if (sub !== 'reconcile') throw new UsageError(`Unknown bill command "${sub}".`);
    args = parse(rest, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${BILL_USAGE}\n`);
    return 2;
  }
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, io.env);
  const { db } = await openDatabase(databasePath(dataDir));
  try {
    const range = { from: args.from, to: args.to, tagKey: args.tagKey };
    const { cachedAt, plan } = planBill(db, range);
    const mode = args.refresh ? 'refresh' : 'fetch';
    if (args.refresh || cachedAt === null) io.stderr.write(`${plan.text}\n`);
    const answer = await reconcileBill(db, range, mode, () =>
      createCostExplorerClient({
        credentials: checkedCredentials({ profile: args.profile }),
      }),
    );
    const r = answer.reconciliation;
    if (!r) throw new AppFailure('aws', 'Cost Explorer returned nothing for these days.');
    io.stdout.write(
      args.json
        ? `${JSON.stringify({ ...r, requestsMade: answer.requestsMade }, null, 2)}\n`
        : formatReconciliation(r, answer.requestsMade),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    io.stderr.write(`${e.message}\n`);
    return e.code === 'invalid_input' ? 2 : 1;
  } finally {
    db.close();
  }
}
