import { judgePriceFor } from '../../../../shared/quality/judgePrice';
import type { JudgeSettings } from '../../../../shared/quality/qualitySettings';
import { MODELS } from '../../../../shared/pricing/models';
import { modelName } from '../../../../shared/report/names';
import { useSavedPriceBook } from '../roi/useSavedPriceBook';

interface JudgeFormProps {
  draft: JudgeSettings;
  defaults: JudgeSettings;
  comparedModels: string[];
  onChange: (d: JudgeSettings) => void;
}

const LABELS = {
  rubric: { title: 'Rubric', placeholders: 'fills {{rubric}} in both prompts' },
  scorePrompt: {
    title: 'Score prompt, per output',
    placeholders: '{{rubric}} {{paragraph}} {{reference}} {{output}}',
  },
  pairwisePrompt: {
    title: 'Pairwise prompt, asked in both orders',
    placeholders: '{{rubric}} {{paragraph}} {{outputA}} {{outputB}}',
  },
} as const;

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The judge's model, price and limits, and the rubric and prompts it is asked with, all editable. */
export function JudgeForm({ draft, defaults, comparedModels, onChange }: JudgeFormProps) {
  const set = (patch: Partial<JudgeSettings>) => onChange({ ...draft, ...patch });
  // A saved override for every scenario prices the judge, as it prices the setup and ROI.
  const book = useSavedPriceBook();
  const pickModel = (modelId: string) => {
    const price = judgePriceFor(modelId, draft.region, book);
    set(
      price
        ? {
            modelId,
            inputUsdPer1k: price.inputUsdPer1k,
            outputUsdPer1k: price.outputUsdPer1k,
            priceSource: price.source,
          }
        : { modelId, priceSource: 'Entered by the analyst' },
    );
  };
  const known = MODELS.some((m) => m.id === draft.modelId);
  return (
    <div className="judge-form" data-testid="judge-form">
      <div className="judge-grid">
        <label className="field">
          <span className="label">Judge model</span>
          <select
            className="input"
            data-testid="judge-model"
            value={known ? draft.modelId : ''}
            onChange={(e) => pickModel(e.target.value)}
          >
            {!known && <option value="">{modelName(draft.modelId)}</option>}
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Model id (or inference profile / ARN)</span>
          <input
            className="input"
            data-testid="judge-model-id"
            value={draft.modelId}
            onChange={(e) => set({ modelId: e.target.value.trim() })}
          />
        </label>
        <label className="field">
          <span className="label">Region</span>
          <input
            className="input"
            value={draft.region}
            onChange={(e) => set({ region: e.target.value.trim() })}
          />
        </label>
        <label className="field">
          <span className="label">Input $ / 1K tokens</span>
          <input
            className="input input-num"
            data-testid="judge-price-in"
            type="number"
            step="0.0001"
            min={0}
            value={Number.isNaN(draft.inputUsdPer1k) ? '' : draft.inputUsdPer1k}
            onChange={(e) =>
              set({ inputUsdPer1k: num(e.target.value), priceSource: 'Entered by the analyst' })
            }
          />
        </label>
        <label className="field">
          <span className="label">Output $ / 1K tokens</span>
          <input
            className="input input-num"
            data-testid="judge-price-out"
            type="number"
            step="0.0001"
            min={0}
            value={Number.isNaN(draft.outputUsdPer1k) ? '' : draft.outputUsdPer1k}
            onChange={(e) =>
              set({ outputUsdPer1k: num(e.target.value), priceSource: 'Entered by the analyst' })
            }
          />
        </label>
        <label className="field">
          <span className="label">Calls at once</span>
          <input
            className="input input-num"
            data-testid="judge-concurrency"
            type="number"
            min={1}
            max={16}
            value={draft.concurrency}
            onChange={(e) => set({ concurrency: num(e.target.value) })}
          />
        </label>
        <label
          className="field"
          title="How many times one item is asked when its answer cannot be read. Each ask is paid for."
        >
          <span className="label">Asks per item</span>
          <input
            className="input input-num"
            data-testid="judge-answer-attempts"
            type="number"
            min={1}
            max={3}
            value={draft.answerAttempts}
            onChange={(e) => set({ answerAttempts: num(e.target.value) })}
          />
        </label>
      </div>
      <p className="hint">
        Price: {draft.priceSource || 'not in the catalog for this region; enter one'}.
        {comparedModels.includes(draft.modelId) &&
          ' This model is also being compared: judges tend to favour their own outputs, so prefer a third model.'}
      </p>
      {(['rubric', 'scorePrompt', 'pairwisePrompt'] as const).map((field) => (
        <label key={field} className="field">
          <span className="label">
            {LABELS[field].title} <code className="placeholders">{LABELS[field].placeholders}</code>
          </span>
          <textarea
            className="textarea judge-text"
            data-testid={`judge-${field}`}
            rows={field === 'rubric' ? 6 : 10}
            value={draft[field]}
            onChange={(e) => set({ [field]: e.target.value })}
          />
        </label>
      ))}
      <button
        type="button"
        className="btn btn-ghost btn-small reset-prompts"
        onClick={() =>
          set({
            rubric: defaults.rubric,
            scorePrompt: defaults.scorePrompt,
            pairwisePrompt: defaults.pairwisePrompt,
          })
        }
      >
        Reset rubric and prompts to the defaults
      </button>
    </div>
  );
}
