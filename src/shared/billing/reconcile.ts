/**
 * Billed against computed, per model and region, with the difference explained. Only days Cost
 * Explorer has data for are compared (it lags about a day); a day whose figures are estimated is
 * compared but said to be so. A difference is taken apart in order: cache tokens (the app records
 * none), usage at a tier none of the app's calls used, then what is left per day: billed above
 * computed is other usage of the model in the account, computed above billed a price above AWS's
 * or calls not charged, and a remainder within a cent is rounding.
 */
import { priceTierLabel } from '../domain/serviceTier';
import { formatUsd } from '../format';
import type { PriceDirection } from '../pricing/priceList/priceRow';
import type { BillFetch, ModelReconciliation, Reconciliation, SpendCall } from './billingSchemas';
import { computedLines, type ComputedLine } from './computedSpend';
import { readUsageType, type UsageRead } from './usageType';

/** Below this a difference is rounding: Cost Explorer and the app round sub-cent amounts apart. */
export const ROUNDING_USD = 0.01;

const DIRECTIONS: readonly PriceDirection[] = ['input', 'output', 'cacheRead', 'cacheWrite'];
const isCache = (d: PriceDirection | null) => d === 'cacheRead' || d === 'cacheWrite';

/** Sums of many sub-cent floats leave binary noise (1e-19) that must not read as a difference. */
const clean = (x: number) => Math.round(x * 1e10) / 1e10;
const sum = (xs: readonly number[]) => clean(xs.reduce((a, b) => a + b, 0));
const list = (days: readonly string[]) => [...new Set(days)].sort().join(', ');

interface ReadLine extends UsageRead {
  day: string;
  costUsd: number;
  estimated: boolean;
  tagValue: string | null;
}

const modelId = (key: string, region: string) => `${key}|${region}`;

function explain(
  billed: readonly ReadLine[],
  computed: readonly ComputedLine[],
  estimatedDays: ReadonlySet<string>,
): string[] {
  const difference = clean(sum(billed.map((l) => l.costUsd)) - sum(computed.map((l) => l.costUsd)));
  const out: string[] = difference === 0 ? ['Billed equals computed.'] : [];
  const cacheUsd = sum(billed.filter((l) => isCache(l.direction)).map((l) => l.costUsd));
  if (cacheUsd !== 0) {
    out.push(
      `Cache read/write tokens billed ${formatUsd(cacheUsd)}: the app records no cache tokens, so it computes none.`,
    );
  }
  const calledTiers = new Set(computed.map((l) => l.tier));
  const offTier = billed.filter((l) => !isCache(l.direction) && !calledTiers.has(l.tier));
  for (const tier of new Set(offTier.map((l) => l.tier))) {
    const usd = sum(offTier.filter((l) => l.tier === tier).map((l) => l.costUsd));
    const used = [...calledTiers].map(priceTierLabel).join(', ');
    out.push(
      `${formatUsd(usd)} billed at the ${priceTierLabel(tier)} tier; the app's calls were priced at ${used || 'no tier'}: other usage at that tier.`,
    );
  }
  // What is left, day by day: the same usage on both sides.
  const comparable = billed.filter((l) => !isCache(l.direction) && calledTiers.has(l.tier));
  const days = [...new Set([...comparable.map((l) => l.day), ...computed.map((l) => l.day)])];
  const residual = days.map((day) => ({
    day,
    usd: clean(
      sum(comparable.filter((l) => l.day === day).map((l) => l.costUsd)) -
        sum(computed.filter((l) => l.day === day).map((l) => l.costUsd)),
    ),
  }));
  const over = residual.filter((r) => r.usd > ROUNDING_USD);
  const under = residual.filter((r) => r.usd < -ROUNDING_USD);
  if (over.length > 0) {
    out.push(
      `Billed ${formatUsd(sum(over.map((r) => r.usd)))} more than computed on ${list(over.map((r) => r.day))}: other calls to this model in the account those days (another workload, the console).`,
    );
  }
  if (under.length > 0) {
    out.push(
      `Computed ${formatUsd(-sum(under.map((r) => r.usd)))} more than billed on ${list(under.map((r) => r.day))}: the app's price is above what AWS charged, or some calls were not charged (credits, free tier).`,
    );
  }
  const left = sum(residual.filter((r) => Math.abs(r.usd) <= ROUNDING_USD).map((r) => r.usd));
  if (left !== 0) {
    out.push(`${formatUsd(Math.abs(left))} is rounding: AWS rounds fractions of a cent.`);
  }
  const estimated = [...new Set(billed.map((l) => l.day))].filter((d) => estimatedDays.has(d));
  if (estimated.length > 0) {
    out.push(`Billing for ${list(estimated)} is estimated and may still change.`);
  }
  return out;
}

function row(
  billed: readonly ReadLine[],
  computed: readonly ComputedLine[],
  estimatedDays: ReadonlySet<string>,
): ModelReconciliation {
  const first = computed[0];
  const billedUsd = sum(billed.map((l) => l.costUsd));
  const computedUsd = sum(computed.map((l) => l.costUsd));
  return {
    key: first?.key ?? billed[0]?.key ?? '',
    name: first?.name ?? billed[0]?.modelName ?? '',
    region: first?.region ?? billed[0]?.region ?? '',
    billedUsd,
    computedUsd,
    differenceUsd: clean(billedUsd - computedUsd),
    directions: DIRECTIONS.map((direction) => ({
      direction,
      billedUsd: sum(billed.filter((l) => l.direction === direction).map((l) => l.costUsd)),
      computedUsd: sum(computed.filter((l) => l.direction === direction).map((l) => l.costUsd)),
    })).filter((d) => d.billedUsd !== 0 || d.computedUsd !== 0),
    explanations: explain(billed, computed, estimatedDays),
  };
}

/**
 * Only calls sent through an experiment's tagged application inference profile carry its tag onto
 * the bill; the rest (made before the profiles existed) are billed untagged.
 */
function untaggedNotes(computed: readonly ComputedLine[]): string[] {
  const plain = computed.filter((l) => !l.viaProfile);
  return [...new Set(plain.map((l) => l.experimentId))].sort().map((id) => {
    const usd = sum(plain.filter((l) => l.experimentId === id).map((l) => l.costUsd));
    return `${formatUsd(usd)} computed for experiment ${id} named the model itself, not its tagged inference profile: AWS bills it untagged, so it is not in that experiment's tag figure.`;
  });
}

export function reconcile(fetch: BillFetch, calls: readonly SpendCall[]): Reconciliation {
  const billedDays = new Map(fetch.days.map((d) => [d.day, d.estimated]));
  const estimatedDays = new Set(fetch.days.filter((d) => d.estimated).map((d) => d.day));
  const all = computedLines(calls).filter((l) => l.day >= fetch.from && l.day <= fetch.to);
  const computed = all.filter((l) => billedDays.has(l.day));
  const read: ReadLine[] = fetch.lines.map((l) => ({
    ...readUsageType(l.service, l.usageType),
    day: l.day,
    costUsd: l.costUsd,
    estimated: l.estimated,
    tagValue: l.tagValue,
  }));
  const called = new Set(all.map((l) => modelId(l.key, l.region)));
  const mine = read.filter((l) => l.direction !== null && called.has(modelId(l.key, l.region)));
  const others = read.filter((l) => !mine.includes(l));

  const models = [...called].sort().map((id) =>
    row(
      mine.filter((l) => modelId(l.key, l.region) === id),
      computed.filter((l) => modelId(l.key, l.region) === id),
      estimatedDays,
    ),
  );
  const otherUsage = new Map<string, { name: string; region: string; billedUsd: number }>();
  for (const l of others) {
    const id = modelId(l.modelName, l.region);
    const o = otherUsage.get(id) ?? { name: l.modelName, region: l.region, billedUsd: 0 };
    o.billedUsd += l.costUsd;
    otherUsage.set(id, o);
  }

  const notes: string[] = [];
  const unbilled = [...new Set(all.filter((l) => !billedDays.has(l.day)).map((l) => l.day))];
  for (const day of unbilled.sort()) {
    const usd = sum(all.filter((l) => l.day === day).map((l) => l.costUsd));
    notes.push(
      `No billing data yet for ${day} (Cost Explorer lags about a day): the ${formatUsd(usd)} computed that day is not compared.`,
    );
  }
  if (estimatedDays.size > 0) {
    notes.push(
      `Billing for ${list([...estimatedDays])} is estimated (not final); Refresh later for final figures.`,
    );
  }
  if (fetch.tagKey !== null) notes.push(...untaggedNotes(computed));
  const latestBilledDay = [...billedDays.keys()].sort().at(-1) ?? null;
  const tagged =
    fetch.tagKey === null
      ? []
      : [...new Set(read.map((l) => l.tagValue ?? ''))].sort().map((tagValue) => ({
          tagValue,
          billedUsd: sum(read.filter((l) => (l.tagValue ?? '') === tagValue).map((l) => l.costUsd)),
          computedUsd:
            tagValue === ''
              ? null
              : sum(
                  computed
                    .filter((l) => l.experimentId === tagValue && l.viaProfile)
                    .map((l) => l.costUsd),
                ),
        }));
  return {
    from: fetch.from,
    to: fetch.to,
    models,
    otherUsage: [...otherUsage.values()].sort((a, b) => b.billedUsd - a.billedUsd),
    tagged,
    totals: {
      billedUsd: sum(models.map((m) => m.billedUsd)),
      computedUsd: sum(models.map((m) => m.computedUsd)),
      differenceUsd: sum(models.map((m) => m.differenceUsd)),
      otherUsageUsd: sum(others.map((l) => l.costUsd)),
    },
    notes,
    latestBilledDay,
    fetchedAt: fetch.fetchedAt,
  };
}
