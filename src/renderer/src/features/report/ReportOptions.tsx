import type { PaperSize } from '../../../../shared/report/reportSchema';
import type { ReportChoices } from './useReport';

export interface ScenarioChoice {
  id: string;
  name: string;
}

interface ReportOptionsProps {
  scenarios: ScenarioChoice[];
  choices: ReportChoices;
  onChange: (next: ReportChoices) => void;
}

/** Which scenarios, appendix or not, paper size: what the preview, the PDF and the CSV use. */
export function ReportOptions({ scenarios, choices, onChange }: ReportOptionsProps) {
  const toggle = (id: string) => {
    const on = choices.scenarioIds.includes(id);
    // Keep the saved order, so that the first chosen scenario is the one the cover answers for.
    const next = scenarios
      .map((s) => s.id)
      .filter((s) => (s === id ? !on : choices.scenarioIds.includes(s)));
    onChange({ ...choices, scenarioIds: next });
  };
  return (
    <fieldset className="report-options" data-testid="report-options">
      <legend className="label">Scenarios</legend>
      {scenarios.length === 0 ? (
        <p className="hint">
          No saved scenario: the report uses the one the runs measure, at a default volume.
        </p>
      ) : (
        <div className="report-scenarios">
          {scenarios.map((s, i) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                data-testid={`report-scenario-${i}`}
                checked={choices.scenarioIds.includes(s.id)}
                onChange={() => toggle(s.id)}
              />
              {s.name}
            </label>
          ))}
          {choices.scenarioIds.length === 0 && (
            <p className="hint">None chosen: the measured scenario is used.</p>
          )}
        </div>
      )}
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            data-testid="report-appendix"
            checked={choices.includeAppendix}
            onChange={(e) => onChange({ ...choices, includeAppendix: e.target.checked })}
          />
          Appendix with paragraphs and outputs
        </label>
        <label className="check">
          Paper
          <select
            className="input input-small"
            data-testid="report-paper"
            value={choices.paperSize}
            onChange={(e) => onChange({ ...choices, paperSize: e.target.value as PaperSize })}
          >
            <option value="A4">A4</option>
            <option value="Letter">US Letter</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
