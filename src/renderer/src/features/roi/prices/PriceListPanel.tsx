import { useState } from 'react';
import { priceTierLabel } from '../../../../../shared/domain/serviceTier';
import { formatUsd } from '../../../../../shared/format';
import { SHIPPED_REGIONS, shippedModelList } from '../../../../../shared/models/shippedModelList';
import type {
  PriceSnapshot,
  PriceSnapshotSummary,
  RegionRefresh,
} from '../../../../../shared/pricing/priceList/priceSnapshot';
import { tierPrices, type TierPrice } from '../../../../../shared/pricing/priceList/snapshotPrices';
import { modelName } from '../../../../../shared/report/names';
import { lifecycleWarningsFor } from '../../../../../shared/models/modelListView';
import { api } from '../../../api/transport';
import type { Draft } from '../draft';
import { useQuery } from '../../../api/useQuery';

const NAMES = SHIPPED_REGIONS.flatMap((r) => shippedModelList(r)?.models ?? []).map((m) => ({
  modelId: m.modelId,
  modelName: m.modelName,
}));

interface PriceListPanelProps {
  draft: Draft;
  /** Hands the region's latest snapshot to the price book. */
  onSnapshot: (s: PriceSnapshot | null, region: string) => void;
  onDraft: (d: Draft) => void;
}

const tierName = priceTierLabel;

/**
 * The AWS Price List behind the figures: the region's latest snapshot and its publication date,
 * a refresh that says what changed (a failed one keeps the snapshot and says why), every earlier
 * snapshot, and the tiers the Price List prices for the scenario's models.
 */
export function PriceListPanel({ draft, onSnapshot, onDraft }: PriceListPanelProps) {
  const region = draft.student.region;
  const [snapshot, setSnapshot] = useState<PriceSnapshot | null>(null);
  const [list, setList] = useState<PriceSnapshotSummary[]>([]);
  const [result, setResult] = useState<RegionRefresh | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const [warnings, setWarnings] = useState<string[]>([]);
  const teacherId = draft.teacher.modelId;
  const studentId = draft.student.modelId;

  // A scenario built on a Legacy or ended model is warned about, as a run is.
  useQuery(() => api.listModels({ region, refresh: false }), [region, teacherId, studentId], {
    onData: (answer) => {
      const today = new Date().toISOString().slice(0, 10);
      setWarnings(lifecycleWarningsFor(answer.list, [teacherId, studentId], today));
    },
  });

  const showSnapshot = (latest: PriceSnapshot | null) => {
    setSnapshot(latest);
    onSnapshot(latest, region);
  };
  useQuery(() => api.getPriceSnapshot({ region }), [region, round, onSnapshot], {
    onData: showSnapshot,
    onError: () => showSnapshot(null),
  });
  useQuery(() => api.listPriceSnapshots({ region }), [region, round], {
    onData: setList,
    onError: () => setList([]),
  });

  const refresh = async () => {
    setBusy(true);
    const r = await api.refreshPrices({ regions: [region] });
    setBusy(false);
    setResult(r.ok ? (r.value[0] ?? null) : null);
    setRound((n) => n + 1);
  };

  const applyTier = (role: 'teacher' | 'student', t: TierPrice) => {
    const side = draft[role];
    onDraft({
      ...draft,
      [role]: {
        ...side,
        price: {
          ...side.price,
          inputUsdPer1k: t.inputUsdPer1k,
          outputUsdPer1k: t.outputUsdPer1k,
          asOf: t.publicationDate.slice(0, 10),
          source: `${t.source.ref} (${tierName(t.tier)})`,
        },
      },
    });
  };

  return (
    <section className="panel price-list-panel" data-testid="price-list-panel">
      <div className="panel-head">
        <h2>AWS Price List</h2>
        <span className="hint" data-testid="price-list-date">
          {snapshot
            ? `${region}: published ${snapshot.publicationDate.slice(0, 10)}, read ${snapshot.fetchedAt.slice(0, 10)}`
            : `${region}: no Price List snapshot yet; prices come from the built-in catalog or your overrides.`}
        </span>
        <button
          type="button"
          className="btn"
          data-testid="refresh-prices"
          disabled={busy}
          onClick={() => void refresh()}
        >
          {busy ? 'Reading the Price List…' : 'Refresh prices'}
        </button>
      </div>
      {warnings.map((w) => (
        <p key={w} className="banner banner-warn" data-testid="scenario-lifecycle-warning">
          {w}
        </p>
      ))}
      {result && (
        <div
          className={result.outcome === 'kept' ? 'banner banner-warn' : 'banner'}
          data-testid="refresh-result"
        >
          <p>{result.message}</p>
          {result.diff && result.diff.fromPublicationDate !== null && (
            <ul>
              {result.diff.changed.map((c) => (
                <li key={c.key}>
                  {c.after?.modelName} {c.after ? tierName(c.after.tier) : ''} {c.after?.direction}:{' '}
                  {formatUsd(c.before?.usd ?? 0)} → {formatUsd(c.after?.usd ?? 0)} per{' '}
                  {c.after?.per}
                </li>
              ))}
            </ul>
          )}
          {result.problems.length > 0 && (
            <p className="hint">Could not read: {result.problems.join(' ')}</p>
          )}
        </div>
      )}
      {snapshot &&
        (['teacher', 'student'] as const).map((role) => {
          const tiers = tierPrices(snapshot, draft[role].modelId, NAMES);
          return (
            <div key={role} data-testid={`tier-prices-${role}`}>
              <h3>
                {modelName(draft[role].modelId)}{' '}
                <span className="hint">
                  {tiers.length === 0
                    ? 'not in this Price List snapshot: enter its price as an override'
                    : `tiers priced: ${tiers.map((t) => tierName(t.tier)).join(', ')}`}
                </span>
              </h3>
              {tiers.map((t) => (
                <p key={t.tier} className="price-line">
                  {tierName(t.tier)}: {formatUsd(t.inputUsdPer1k, 3)} in /{' '}
                  {formatUsd(t.outputUsdPer1k, 3)} out per 1K tokens · published{' '}
                  {t.publicationDate.slice(0, 10)}{' '}
                  <button type="button" className="btn-link" onClick={() => applyTier(role, t)}>
                    Use for the {role}
                  </button>
                </p>
              ))}
            </div>
          );
        })}
      <h3>Snapshots</h3>
      {list.length === 0 ? (
        <p className="hint">None stored.</p>
      ) : (
        <ul data-testid="snapshot-list">
          {list.map((s) => (
            <li key={s.id}>
              {s.region} · published {s.publicationDate.slice(0, 10)} · {s.rowCount} prices ·{' '}
              {s.offers.map((o) => o.offerCode).join(', ')}
              {s.problems.length > 0 && ` · ${s.problems.length} not read`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
