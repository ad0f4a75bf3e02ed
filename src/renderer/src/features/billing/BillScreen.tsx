import { useEffect, useState } from 'react';
import { EXPERIMENT_TAG_KEY, type Reconciliation } from '../../../../shared/billing/billingSchemas';
import { ErrorBanner } from '../../components/Banner';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { BillTable } from './BillTable';
import { ExperimentTags } from './ExperimentTags';
import { useQuery } from '../../api/useQuery';

interface Plan {
  cachedAt: string | null;
  text: string;
}

const DATE_FIELDS = [
  ['from', 'From (UTC)'],
  ['to', 'To (UTC, included)'],
] as const;

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The AWS bill against the app's computed spend. Nothing here calls Cost Explorer on its own:
 * opening the screen or changing the range reads the store; Fetch (when the range was never
 * fetched) and Refresh are the only requests, and the notice says beforehand what they cost.
 */
export function BillScreen() {
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [byTag, setByTag] = useState(false);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [result, setResult] = useState<Reconciliation | null>(null);
  const [made, setMade] = useState<number | null>(null);
  const { run, error, setError, busy } = useCall();
  const tagKey = byTag ? EXPERIMENT_TAG_KEY : null;

  // The default range: the days the app made calls.
  useEffect(() => {
    void api.planBill({ from: today(), to: today(), tagKey: null }).then((r) => {
      setRange(r.ok && r.value.callDays ? r.value.callDays : { from: today(), to: today() });
    });
  }, []);

  // Opening the screen or changing the range reads the store only (mode 'cache').
  const validRange = range !== null && isDay(range.from) && isDay(range.to);
  const input = { from: range?.from ?? '', to: range?.to ?? '', tagKey };
  useQuery(() => api.reconcileBill({ ...input, mode: 'cache' }), [range, tagKey], {
    enabled: validRange,
    onData: (answer) => {
      setResult(answer.reconciliation);
      setMade(null);
    },
    onError: setError,
  });
  useQuery(() => api.planBill(input), [range, tagKey], {
    enabled: validRange,
    onData: (p) => setPlan({ cachedAt: p.cachedAt, text: p.plan.text }),
  });

  const fetchBill = async (mode: 'fetch' | 'refresh') => {
    if (!range) return;
    const input = { ...range, tagKey };
    const answer = await run(() => api.reconcileBill({ ...input, mode }));
    if (answer) {
      setResult(answer.reconciliation);
      setMade(answer.requestsMade);
    }
    const p = await api.planBill(input);
    if (p.ok) setPlan({ cachedAt: p.value.cachedAt, text: p.value.plan.text });
  };

  const cached = plan?.cachedAt ?? null;
  return (
    <section
      className="screen bill"
      data-testid="bill-screen"
      data-app-state={range ? 'ready' : 'loading'}
    >
      <h1>Bill</h1>
      <p className="hint">
        What AWS billed for Bedrock (Cost Explorer) against what the app computed for its own calls,
        per model and day, with the difference explained.
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {range && (
        <div className="pane bill-controls">
          <div className="row bill-range">
            {DATE_FIELDS.map(([field, label]) => (
              <label key={field}>
                <span className="label">{label}</span>
                <input
                  className="input"
                  type="date"
                  value={range[field]}
                  data-testid={`bill-${field}`}
                  onChange={(e) => setRange({ ...range, [field]: e.target.value })}
                />
              </label>
            ))}
            <label className="check">
              <input
                type="checkbox"
                checked={byTag}
                data-testid="bill-by-tag"
                onChange={(e) => setByTag(e.target.checked)}
              />
              Group by the experiment tag
            </label>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              data-testid="bill-fetch"
              onClick={() => void fetchBill(cached ? 'refresh' : 'fetch')}
            >
              {busy ? 'Asking Cost Explorer…' : cached ? 'Refresh' : 'Fetch from Cost Explorer'}
            </button>
          </div>
          <p className="hint" data-testid="bill-cost-notice">
            {plan?.text}{' '}
            {cached
              ? `Showing what was fetched ${cached.slice(0, 16).replace('T', ' ')} UTC; only Refresh asks again.`
              : 'Nothing fetched for this range yet.'}
            {made !== null && ` This fetch made ${made} requests.`}
          </p>
        </div>
      )}
      {result && <BillTable reconciliation={result} />}
      <ExperimentTags onError={setError} />
    </section>
  );
}
