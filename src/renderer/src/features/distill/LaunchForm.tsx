import type { Dataset } from '../../../../shared/domain/dataset';
import type { DistillPreview } from '../../../../shared/distill/distillDomain';
import { modelName } from '../../../../shared/report/names';
import { REGIONS, STUDENTS, TEACHERS, type DistillDraft } from './distillDraft';

interface LaunchFormProps {
  draft: DistillDraft;
  datasets: Dataset[];
  preview: DistillPreview | null;
  onChange: (d: DistillDraft) => void;
}

/** The problem main found for a field, shown under it. */
function Problem({ preview, field }: { preview: DistillPreview | null; field: string }) {
  const p = preview?.problems.find((x) => x.field === field);
  return p ? (
    <p className="field-problem" data-testid={`distill-problem-${field}`}>
      {p.message}
    </p>
  ) : null;
}

/** Teacher, student, region, model name, the training data and its prices. */
export function LaunchForm({ draft, datasets, preview, onChange }: LaunchFormProps) {
  const set = <K extends keyof DistillDraft>(k: K, v: DistillDraft[K]) =>
    onChange({ ...draft, [k]: v });
  const text = (k: keyof DistillDraft, id: string, label: string, hint?: string) => (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label} {hint && <span className="optional">{hint}</span>}
      </label>
      <input
        id={id}
        className="input"
        data-testid={id}
        value={String(draft[k])}
        onChange={(e) => set(k, e.target.value as never)}
      />
    </div>
  );
  return (
    <fieldset className="distill-form">
      <legend className="pane-title">Launch a distillation job</legend>
      <div className="distill-grid">
        <div className="field">
          <label className="label" htmlFor="distill-teacher">
            Teacher
          </label>
          <select
            id="distill-teacher"
            className="input"
            data-testid="distill-teacher"
            value={draft.teacherModelId}
            onChange={(e) => set('teacherModelId', e.target.value)}
          >
            {TEACHERS.map((t) => (
              <option key={t} value={t}>
                {modelName(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="distill-student">
            Student
          </label>
          <select
            id="distill-student"
            className="input"
            data-testid="distill-student"
            value={draft.studentModelId}
            onChange={(e) => set('studentModelId', e.target.value)}
          >
            {STUDENTS.map((s) => (
              <option key={s} value={s}>
                {modelName(s)}
              </option>
            ))}
          </select>
          <Problem preview={preview} field="studentModelId" />
          <Problem preview={preview} field="teacherModelId" />
        </div>
        <div className="field">
          <label className="label" htmlFor="distill-region">
            Region
          </label>
          <select
            id="distill-region"
            className="input"
            data-testid="distill-region"
            value={draft.region}
            onChange={(e) => set('region', e.target.value)}
          >
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <Problem preview={preview} field="region" />
        </div>
        <div>
          {text('customModelName', 'distill-name', 'Custom model name')}
          <Problem preview={preview} field="customModelName" />
        </div>
      </div>

      <div className="field" role="radiogroup" aria-label="Training data">
        <span className="label">Training data</span>
        <label className="check">
          <input
            type="radio"
            name="distill-source"
            data-testid="distill-source-dataset"
            checked={draft.sourceKind === 'dataset'}
            onChange={() => set('sourceKind', 'dataset')}
          />{' '}
          Prompts from a dataset (written to S3 as bedrock-conversation-2024 JSONL)
        </label>
        <label className="check">
          <input
            type="radio"
            name="distill-source"
            data-testid="distill-source-logs"
            checked={draft.sourceKind === 'invocationLogs'}
            onChange={() => set('sourceKind', 'invocationLogs')}
          />{' '}
          Bedrock invocation logs in S3
        </label>
      </div>
      {draft.sourceKind === 'dataset' ? (
        <div className="distill-grid">
          <div className="field">
            <label className="label" htmlFor="distill-dataset">
              Dataset
            </label>
            <select
              id="distill-dataset"
              className="input"
              data-testid="distill-dataset"
              value={draft.datasetId}
              onChange={(e) => set('datasetId', e.target.value)}
            >
              <option value="">Choose a dataset…</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.paragraphCount})
                </option>
              ))}
            </select>
            <Problem preview={preview} field="datasetId" />
          </div>
          <div className="field distill-wide">
            <label className="label" htmlFor="distill-template">
              Prompt template <span className="optional">{'{{paragraph}}'} is each paragraph</span>
            </label>
            <textarea
              id="distill-template"
              className="textarea"
              rows={3}
              value={draft.promptTemplate}
              onChange={(e) => set('promptTemplate', e.target.value)}
            />
          </div>
        </div>
      ) : (
        <div className="distill-grid">
          <div>
            {text('logsUri', 'distill-logs', 'Invocation logs location', 's3://…')}
            <Problem preview={preview} field="invocationLogsUri" />
          </div>
          <div>
            {text('promptCount', 'distill-prompt-count', 'Prompts in the logs')}
            <Problem preview={preview} field="promptCount" />
          </div>
          {text('promptTokens', 'distill-prompt-tokens', 'Mean tokens per prompt')}
          <label className="check">
            <input
              type="checkbox"
              data-testid="distill-reuse"
              checked={draft.usePromptResponse}
              onChange={(e) => set('usePromptResponse', e.target.checked)}
            />{' '}
            Reuse the logged responses (no teacher calls)
          </label>
        </div>
      )}
      <div className="distill-grid">
        {text('maxResponseLength', 'distill-max-response', 'Max response length (tokens)')}
        <div>
          {text(
            'trainingPrice',
            'distill-training-price',
            'Training price',
            'USD per 1,000 tokens',
          )}
          <Problem preview={preview} field="trainingUsdPer1kTokens" />
        </div>
        <div>
          {text('storagePrice', 'distill-storage-price', 'Storage', 'USD per month')}
          <Problem preview={preview} field="storageUsdPerMonth" />
        </div>
      </div>
    </fieldset>
  );
}
