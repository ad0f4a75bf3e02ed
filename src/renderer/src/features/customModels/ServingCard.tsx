import type { Serving, ServingPhase } from '../../../../shared/serving/servingDomain';
import { mayExist } from '../../../../shared/serving/servingDomain';
import { servingCostText } from '../../../../shared/serving/servingCost';
import { modelName } from '../../../../shared/report/names';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EvaluatePanel } from './EvaluatePanel';

const PHASE_WORDS: Record<ServingPhase, string> = {
  requested: 'Requested',
  creating: 'Creating',
  inService: 'In service',
  failed: 'Failed',
  stuck: 'Not ready in time',
  refused: 'Refused',
  deleted: 'Deleted',
};

/** One serving: what it is, its state, what it costs while it exists; Refresh, Delete, Evaluate. */
export function ServingCard({
  serving,
  now,
  onChange,
}: {
  serving: Serving;
  now: string;
  onChange: (s?: Serving) => void;
}) {
  const { run, error, setError, busy } = useCall();
  const s = serving;
  const refresh = async () => {
    const r = await run(() => api.refreshServing({ id: s.id }));
    if (r) onChange(r);
  };
  const remove = async () => {
    const r = await run(() => api.deleteServing({ id: s.id }));
    if (r) onChange(r);
  };
  return (
    <article className="card serving-card" data-testid="serving" aria-label={s.name}>
      <div className="card-head">
        <strong>{s.customModelName}</strong>
        <span className="hint">
          {s.kind === 'provisioned' ? 'Provisioned Throughput' : 'On-demand deployment'}
          {s.baseModelId ? ` · from ${modelName(s.baseModelId)}` : ''} · {s.region}
        </span>
        <span className={`status status-${s.phase}`} data-testid="serving-phase">
          {PHASE_WORDS[s.phase]}
        </span>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p className="clip" data-testid="serving-arn">
        {s.arn ?? 'ARN not known yet'}
      </p>
      <p data-testid="serving-cost">{servingCostText(s, now)}</p>
      {s.message && (
        <p className="banner banner-warn" data-testid="serving-message">
          {s.message}
        </p>
      )}
      <div className="card-foot">
        {s.phase !== 'deleted' && s.phase !== 'refused' && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="serving-refresh"
            disabled={busy}
            onClick={() => void refresh()}
          >
            Refresh
          </button>
        )}
        {mayExist(s.phase) && (
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete it in AWS${s.kind === 'provisioned' ? ' (stops the hourly charge)' : ''}`}
            testId="serving-delete"
            className="btn btn-small btn-danger"
            onConfirm={() => void remove()}
          />
        )}
      </div>
      {s.phase === 'inService' && <EvaluatePanel serving={s} onChange={() => onChange()} />}
    </article>
  );
}
