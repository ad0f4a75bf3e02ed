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
  onDuplicate: () => void;
  onDelete: () => void;
}

/** Which scenario this is: open a saved one, name and save this one, duplicate or delete it. */
export function ScenarioBar(p: ScenarioBarProps) {
  const state = p.savedId === null ? 'Not saved yet' : p.dirty ? 'Unsaved changes' : 'Saved';
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
          disabled={!p.canSave || p.name.trim() === '' || p.busy}
          title={
            !p.canSave
              ? 'Enter the missing figures first'
              : p.name.trim() === ''
                ? 'Name the scenario first'
                : undefined
          }
          onClick={p.onSave}
        >
          Save
        </button>
        <button
          type="button"
          className="btn"
          data-testid="scenario-duplicate"
          disabled={p.savedId === null || p.dirty || p.busy}
          title={p.dirty ? 'Save your changes first' : 'A copy to try other assumptions on'}
          onClick={p.onDuplicate}
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
      </div>
    </div>
  );
}
