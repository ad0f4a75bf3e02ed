import { useEffect, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import type { RunProgress } from '../../../../shared/domain/run';
import type { Serving } from '../../../../shared/serving/servingDomain';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { NumberField, typedNumber } from './NumberField';
import { useNavigate } from '../../navigation';
import { formatNumber } from '../../../../shared/format';

/**
 * Evaluate a served model in one click: the teacher and the serving's ARN on the same
 * paragraphs, run by the experiment runner; then a ROI scenario with what it measured and the
 * distillation's actual cost.
 */
export function EvaluatePanel({ serving, onChange }: { serving: Serving; onChange: () => void }) {
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [datasetId, setDatasetId] = useState(serving.datasetId ?? '');
  const [teacher, setTeacher] = useState(serving.teacherModelId ?? '');
  const [oneOff, setOneOff] = useState(
    serving.oneOffCostUsd === null ? '' : String(serving.oneOffCostUsd),
  );
  const [capacity, setCapacity] = useState('');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const { run, error, setError, busy } = useCall();
  const navigate = useNavigate();

  useEffect(() => {
    void api.listDatasets({}).then((r) => {
      if (!r.ok) return;
      setDatasets(r.value);
      setDatasetId((d) => d || r.value[0]?.id || '');
    });
  }, []);

  const experimentId = serving.experimentId;
  useEffect(() => {
    if (!experimentId) return;
    let live = true;
    const read = () =>
      void api.getRunProgress({ id: experimentId }).then((r) => {
        if (live && r.ok) setProgress(r.value);
      });
    read();
    const off = api.onEvent((e) => {
      if (e.type === 'runProgress' && e.progress.experimentId === experimentId)
        setProgress(e.progress);
    });
    const t = setInterval(read, 1_000);
    return () => {
      live = false;
      off();
      clearInterval(t);
    };
  }, [experimentId]);

  const evaluate = async () => {
    const oneOffUsd = typedNumber(oneOff);
    const r = await run(() =>
      api.evaluateServing({
        servingId: serving.id,
        datasetId,
        teacherModelId: teacher.trim(),
        ...(oneOffUsd !== undefined ? { oneOffCostUsd: oneOffUsd } : {}),
      }),
    );
    if (r) onChange();
  };
  const makeScenario = async () => {
    const oneOffUsd = typedNumber(oneOff);
    const tpm = typedNumber(capacity);
    const r = await run(() =>
      api.createEvaluationScenario({
        servingId: serving.id,
        ...(oneOffUsd !== undefined ? { oneOffCostUsd: oneOffUsd } : {}),
        ...(tpm !== undefined ? { capacityTokensPerMinutePerUnit: tpm } : {}),
      }),
    );
    if (r) onChange();
  };

  const done = progress?.status === 'completed';
  return (
    <div className="evaluate" data-testid="evaluate-panel">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {!experimentId && (
        <div className="row serve-fields">
          <label className="label">
            Paragraphs
            <select
              className="input"
              data-testid="evaluate-dataset"
              value={datasetId}
              onChange={(e) => setDatasetId(e.target.value)}
            >
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="label">
            Teacher
            <input
              className="input"
              data-testid="evaluate-teacher"
              value={teacher}
              onChange={(e) => setTeacher(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="evaluate"
            disabled={busy || !datasetId || !teacher.trim()}
            onClick={() => void evaluate()}
          >
            Evaluate against the teacher
          </button>
        </div>
      )}
      {experimentId && progress && (
        <p data-testid="evaluate-progress">
          Evaluation: {progress.status} · {formatNumber(progress.done)} /{' '}
          {formatNumber(progress.total)} calls
          {progress.failed > 0 ? ` · ${progress.failed} failed` : ''}
        </p>
      )}
      {experimentId && !serving.scenarioId && (
        <div className="row serve-fields">
          <NumberField
            label="What the distillation cost, USD"
            testId="evaluate-one-off"
            value={oneOff}
            onChange={setOneOff}
          />
          {serving.kind === 'provisioned' && (
            <NumberField
              label="Tokens per minute one unit carries"
              testId="evaluate-capacity"
              value={capacity}
              onChange={setCapacity}
              integer
            />
          )}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="evaluate-scenario"
            disabled={busy || !done}
            onClick={() => void makeScenario()}
          >
            Create ROI scenario
          </button>
        </div>
      )}
      {serving.scenarioId && (
        <p data-testid="evaluate-scenario-saved">
          ROI scenario saved with the measured student and the actual one-off cost.{' '}
          <button type="button" className="btn btn-link" onClick={() => navigate('roi')}>
            Open ROI
          </button>
        </p>
      )}
    </div>
  );
}
