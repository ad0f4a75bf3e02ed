import { useState } from 'react';
import type { SavedScenario } from '../../../../../shared/ipc/roiChannels';
import { ConfirmButton } from '../../../components/ConfirmButton';

interface ScenarioBarProps {
  scenarios: SavedScenario[];
  savedId: string | null;
  name: string;
  dirty: boolean;
  canSave: boolean;
  busy: boolean;
  onName: (name: string) => void;
  onOpen: (id: string | null) => void;
  onSave: () => void;
  /** Saves a copy under the name the analyst gave. */
  onDuplicate: (name: string) => void;
  onDelete: () => void;
}

/** Which scenario this is: open a saved one, name and save this one, duplicate or delete it. */
export function ScenarioBar(p: ScenarioBarProps) {
  const state = p.savedId === null ? 'Not saved yet' : p.dirty ? 'Unsaved changes' : 'Saved';
  const [copyName, setCopyName] = useState<string | null>(null);
  // Said next to the buttons, not only in a tooltip a keyboard or touch user never sees.
  const saveWhyNot = !p.canSave
    ? 'Enter the missing figures to save.'
    : p.name.trim() === ''
      ? 'Name the scenario to save it.'
      : null;
  const duplicateWhyNot =
    p.savedId === null
      ? 'Save it before duplicating.'
      : p.dirty
        ? 'Save your changes before duplicating.'
        : null;
  return (
    <div className="scenario-bar" data-testid="scenario-bar">
      <label className="scenario-open">
        <span className="label">Scenario</span>
        <select
          className="input"
          data-testid="scenario-select"
          value={p.savedId ?? ''}
          onChange={(e) => p.onOpen(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">New scenario</option>
          {p.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="scenario-name">
        <span className="label">Name</span>
        <input
          className="input"
          data-testid="scenario-name"
          placeholder="e.g. Support summaries, 2026 plan"
          value={p.name}
          maxLength={120}
          onChange={(e) => p.onName(e.target.value)}
        />
      </label>
      <div className="scenario-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="scenario-save"
          disabled={saveWhyNot !== null || p.busy}
          aria-describedby={saveWhyNot ? 'scenario-why-not' : undefined}
          onClick={p.onSave}
        >
          Save
        </button>
        <button
          type="button"
          className="btn"
          data-testid="scenario-duplicate"
          disabled={duplicateWhyNot !== null || p.busy}
          aria-describedby={duplicateWhyNot ? 'scenario-why-not' : undefined}
          onClick={() => setCopyName(`${p.name} (copy)`)}
        >
          Duplicate
        </button>
        {p.savedId !== null && (
          <ConfirmButton
            label="Delete"
            confirmLabel="Delete this scenario"
            testId="scenario-delete"
            onConfirm={p.onDelete}
          />
        )}
        <span className={p.dirty ? 'save-state dirty' : 'save-state'} data-testid="scenario-state">
          {state}
        </span>
        {(saveWhyNot ?? duplicateWhyNot) && (
          <span className="hint" id="scenario-why-not" data-testid="scenario-why-not">
            {saveWhyNot ?? duplicateWhyNot}
          </span>
        )}
      </div>
      {copyName !== null && (
        <form
          className="scenario-copy"
          data-testid="scenario-copy"
          onSubmit={(e) => {
            e.preventDefault();
            if (copyName.trim() === '') return;
            p.onDuplicate(copyName.trim());
            setCopyName(null);
          }}
        >
          <label>
            <span className="label">Name of the copy</span>
            <input
              className="input"
              data-testid="scenario-copy-name"
              value={copyName}
              maxLength={120}
              autoFocus
              onChange={(e) => setCopyName(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary btn-small"
            data-testid="scenario-copy-save"
            disabled={copyName.trim() === ''}
          >
            Save copy
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => setCopyName(null)}
          >
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
