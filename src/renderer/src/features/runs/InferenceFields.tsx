import type { Draft } from './useExperimentDraft';

interface InferenceFieldsProps {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
}

function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id} className="label">
        {props.label}
      </label>
      <input
        id={props.id}
        data-testid={props.id}
        className="input input-num"
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      {props.hint && <span className="hint">{props.hint}</span>}
    </div>
  );
}

/** The prompt, the inference parameters and how the run is paced and capped. */
export function InferenceFields({ draft, update }: InferenceFieldsProps) {
  return (
    <div className="inference">
      <div className="field">
        <label htmlFor="exp-prompt" className="label">
          Prompt template{' '}
          <span className="optional">{'{{paragraph}}'} is replaced by each paragraph</span>
        </label>
        <textarea
          id="exp-prompt"
          data-testid="experiment-prompt"
          className="textarea"
          rows={3}
          value={draft.promptTemplate}
          onChange={(e) => update({ promptTemplate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="exp-system" className="label">
          System prompt <span className="optional">optional</span>
        </label>
        <textarea
          id="exp-system"
          className="textarea"
          rows={2}
          value={draft.systemPrompt}
          onChange={(e) => update({ systemPrompt: e.target.value })}
        />
      </div>
      <div className="setup-grid six">
        <NumberField
          id="exp-max-tokens"
          label="Max tokens"
          value={draft.maxTokens}
          min={1}
          max={8192}
          step={1}
          onChange={(maxTokens) => update({ maxTokens })}
        />
        <NumberField
          id="exp-temperature"
          label="Temperature"
          value={draft.temperature}
          min={0}
          max={1}
          step={0.1}
          onChange={(temperature) => update({ temperature })}
        />
        <NumberField
          id="exp-top-p"
          label="Top p"
          value={draft.topP}
          min={0}
          max={1}
          step={0.05}
          onChange={(topP) => update({ topP })}
        />
        <NumberField
          id="exp-repeats"
          label="Repeats"
          value={draft.repeats}
          min={1}
          max={20}
          step={1}
          onChange={(repeats) => update({ repeats })}
          hint="Latency needs several samples"
        />
        <NumberField
          id="exp-concurrency"
          label="Concurrency"
          value={draft.concurrency}
          min={1}
          max={32}
          step={1}
          onChange={(concurrency) => update({ concurrency })}
        />
        <div className="field">
          <label htmlFor="exp-budget" className="label">
            Budget (USD)
          </label>
          <input
            id="exp-budget"
            data-testid="exp-budget"
            className="input input-num"
            type="number"
            min={0}
            step="0.5"
            value={draft.budgetUsd}
            placeholder="no cap"
            onChange={(e) => update({ budgetUsd: e.target.value })}
          />
        </div>
      </div>
    </div>
  );
}
