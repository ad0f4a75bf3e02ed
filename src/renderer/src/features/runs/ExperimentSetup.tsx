import { useMemo, useState } from 'react';
import type { ModelListAnswer } from '../../../../shared/models/modelList';
import { SHIPPED_REGIONS, shippedModelList } from '../../../../shared/models/shippedModelList';
import type { ModelNaming } from '../../../../shared/pricing/priceList/snapshotPrices';
import type { Dataset } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { EstimatePanel } from './EstimatePanel';
import { InferenceFields } from './InferenceFields';
import { lifecycleWarnings, ModelPicker } from './ModelPicker';
import { TierFields } from './TierFields';
import { useModelList } from './useModelList';
import { usePriceSnapshot } from './usePriceSnapshot';
import { PricesTable } from './PricesTable';
import { useExperimentDraft } from './useExperimentDraft';
import { BatchFields } from './BatchFields';
import { checkBatchDraft, EMPTY_BATCH, prefillBatch, type BatchDraft } from './batchDraft';
import { useQuery } from '../../api/useQuery';

interface ExperimentSetupProps {
  datasets: Dataset[];
  onCreated: (experimentId: string) => void;
  onCancel: () => void;
}

export const REGIONS = [
  'us-east-1',
  'us-west-2',
  'us-east-2',
  'eu-central-1',
  'eu-west-1',
  'ap-northeast-1',
  'ap-southeast-2',
];

/** Model ids and names for matching Price List rows: the region's list, then the shipped ones. */
export function namingsOf(answer: ModelListAnswer | null): ModelNaming[] {
  const lists = [answer?.list, ...SHIPPED_REGIONS.map((r) => shippedModelList(r))];
  return lists.flatMap(
    (l) => l?.models.map((m) => ({ modelId: m.modelId, modelName: m.modelName })) ?? [],
  );
}

export function ExperimentSetup({ datasets, onCreated, onCancel }: ExperimentSetupProps) {
  const first = datasets.find((d) => d.paragraphCount > 0) ?? datasets[0];
  const [region, setRegion] = useState('us-east-1');
  const models = useModelList(region);
  const snapshot = usePriceSnapshot(region);
  const names = useMemo(() => namingsOf(models.answer), [models.answer]);
  const { draft, update, priced, config, problem } = useExperimentDraft(first?.id ?? '', {
    snapshot,
    names,
    list: models.answer?.list ?? null,
  });
  const warnings = lifecycleWarnings(models.answer, [
    draft.teacherModelId,
    ...draft.studentModelIds,
  ]);
  const { run, error, setError, busy } = useCall();
  const [overBudget, setOverBudget] = useState<string | null>(null);
  const [batch, setBatch] = useState<BatchDraft>(EMPTY_BATCH);
  const batchCheck = checkBatchDraft(batch, config);
  // The role and S3 location saved in Settings; changed here, they apply to this experiment only.
  const savedBatch = useQuery(() => api.getBatchSettings({}), [], {
    onData: (saved) => setBatch((b) => prefillBatch(b, saved)),
  });

  const start = async (confirmOverBudget: boolean) => {
    if (!config) return;
    const created = await run(() => api.createExperiment(config));
    if (!created) return;
    if (batch.enabled) {
      const sent = await api.startBatch({
        experimentId: created.id,
        s3Uri: batch.s3Uri,
        roleArn: batch.roleArn,
        modelIds: batchCheck.batchModels,
      });
      if (!sent.ok) {
        // Refused before anything was uploaded: drop the experiment, keep the form as typed.
        await api.deleteExperiment({ id: created.id });
        setError(sent.error);
        return;
      }
      const all = [config.teacherModelId, ...config.studentModelIds];
      if (batchCheck.batchModels.length === all.length) {
        onCreated(created.id);
        return;
      }
    }
    const started = await api.startExperiment({ id: created.id, confirmOverBudget });
    if (!started.ok && started.error.code === 'needs_confirmation') {
      setOverBudget(started.error.message);
      onCreated(created.id);
      return;
    }
    if (!started.ok) setError(started.error);
    onCreated(created.id);
  };

  return (
    <section className="pane setup" aria-label="New experiment" data-testid="experiment-setup">
      <header className="editor-head">
        <h2>New experiment</h2>
        <button type="button" className="btn btn-ghost editor-actions" onClick={onCancel}>
          Close
        </button>
      </header>
      <div className="setup-grid">
        <div className="field">
          <label htmlFor="exp-name" className="label">
            Name
          </label>
          <input
            id="exp-name"
            data-testid="experiment-name"
            className="input"
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="exp-dataset" className="label">
            Dataset
          </label>
          <select
            id="exp-dataset"
            data-testid="experiment-dataset"
            className="input"
            value={draft.datasetId}
            onChange={(e) => update({ datasetId: e.target.value })}
          >
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.paragraphCount})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="exp-region" className="label">
            Region
          </label>
          <select
            id="exp-region"
            data-testid="experiment-region"
            className="input"
            value={draft.region}
            onChange={(e) => {
              update({ region: e.target.value });
              setRegion(e.target.value);
            }}
          >
            {REGIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
      </div>
      <ModelPicker
        teacher={draft.teacherModelId}
        students={draft.studentModelIds}
        region={region}
        list={models.answer}
        loading={models.loading}
        onRefresh={models.refresh}
        onChange={(teacherModelId, studentModelIds) => update({ teacherModelId, studentModelIds })}
      />
      {warnings.map((w) => (
        <p key={w} className="banner banner-warn" data-testid="lifecycle-warning">
          {w}
        </p>
      ))}
      <TierFields
        models={[draft.teacherModelId, ...draft.studentModelIds]}
        tiers={draft.tiers}
        snapshot={snapshot}
        names={names}
        reserved={draft.reservedCapacity}
        onChange={(tiers, reservedCapacity) => update({ tiers, reservedCapacity })}
      />
      <InferenceFields draft={draft} update={update} />
      <PricesTable
        models={[draft.teacherModelId, ...draft.studentModelIds]}
        prices={priced.prices}
        notes={priced.notes}
        typed={draft.typedPrices}
        onType={(id, p) => {
          const next = { ...draft.typedPrices };
          if (p) next[id] = p;
          else delete next[id];
          update({ typedPrices: next });
        }}
      />
      <BatchFields
        batch={batch}
        models={[draft.teacherModelId, ...draft.studentModelIds].filter((m) => m !== '')}
        problems={batchCheck.problems}
        saved={savedBatch.data}
        onChange={setBatch}
      />
      {problem && (
        <p className="banner banner-warn" data-testid="setup-problem">
          {problem}
        </p>
      )}
      <EstimatePanel config={batchCheck.estimateConfig} />
      <ErrorBanner
        error={error}
        onDismiss={() => setError(null)}
        action={
          error?.code === 'below_batch_minimum' && batch.enabled ? (
            // The refusal's way out: the same form, on demand, everything else as typed.
            <button
              type="button"
              className="btn btn-small"
              data-testid="batch-use-on-demand"
              onClick={() => {
                setBatch({ ...batch, enabled: false });
                setError(null);
              }}
            >
              Run on demand instead
            </button>
          ) : null
        }
      />
      {overBudget && <p className="banner banner-warn">{overBudget}</p>}
      <div className="modal-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="start-experiment"
          disabled={!config || busy || batchCheck.problems.length > 0}
          onClick={() => void start(false)}
        >
          Create and run
        </button>
      </div>
    </section>
  );
}
