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

const named = (id: string) => ({ value: id, label: modelName(id) });
const plain = (v: string) => ({ value: v, label: v });

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
  const pick = (
    k: 'teacherModelId' | 'studentModelId' | 'region' | 'datasetId',
    id: string,
    label: string,
    options: { value: string; label: string }[],
    fields: string[] = [],
  ) => (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        data-testid={id}
        value={draft[k]}
        onChange={(e) => set(k, e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {fields.map((f) => (
        <Problem key={f} preview={preview} field={f} />
      ))}
    </div>
  );
  return (
    <fieldset className="distill-form">
      <legend className="pane-title">Launch a distillation job</legend>
      <div className="distill-grid">
        {pick('teacherModelId', 'distill-teacher', 'Teacher', TEACHERS.map(named))}
        {pick('studentModelId', 'distill-student', 'Student', STUDENTS.map(named), [
          'studentModelId',
          'teacherModelId',
        ])}
        {pick('region', 'distill-region', 'Region', REGIONS.map(plain), ['region'])}
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
          {pick(
            'datasetId',
            'distill-dataset',
            'Dataset',
            [
              { value: '', label: 'Choose a dataset…' },
              ...datasets.map((d) => ({ value: d.id, label: `${d.name} (${d.paragraphCount})` })),
            ],
            ['datasetId'],
          )}
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
