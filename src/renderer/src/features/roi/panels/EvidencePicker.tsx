import { runStateText } from '../../../../../shared/domain/runStateText';
import type { ExperimentSummary } from '../../../../../shared/ipc/experimentChannels';
import type { RoiEvidence } from '../../../../../shared/roi';
import { modelName } from '../../../../../shared/report/names';
import { formatNumber } from '../../../../../shared/format';

interface EvidencePickerProps {
  experiments: ExperimentSummary[];
  experimentId: string | null;
  evidence: RoiEvidence | null;
  studentModelId: string;
  notes: string[];
  loading: boolean;
  onExperiment: (id: string | null) => void;
  onStudent: (id: string) => void;
}

/** Where the tokens and failure shares come from: an experiment's measurements, or typed in. */
export function EvidencePicker(p: EvidencePickerProps) {
  const usable = p.experiments.filter((e) => e.done > 0);
  return (
    <section className="evidence" aria-label="Measured evidence" data-testid="evidence">
      <div className="evidence-pickers">
        <label>
          <span className="label">Measured in</span>
          <select
            className="input"
            data-testid="evidence-experiment"
            value={p.experimentId ?? ''}
            onChange={(e) => p.onExperiment(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">No experiment: the built-in example (Llama 3 70B → 8B)</option>
            {usable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.config.name} ({formatNumber(e.done)} calls, {runStateText(e).toLowerCase()})
              </option>
            ))}
          </select>
        </label>
        {p.evidence && (
          <label>
            <span className="label">Student</span>
            <select
              className="input"
              data-testid="evidence-student"
              value={p.studentModelId}
              onChange={(e) => p.onStudent(e.target.value)}
            >
              {p.evidence.studentModelIds.map((id) => (
                <option key={id} value={id}>
                  {modelName(id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {p.loading && <span className="hint">Reading the measured runs…</span>}
      </div>
      <ul className="evidence-notes" data-testid="prefill-notes">
        {p.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
