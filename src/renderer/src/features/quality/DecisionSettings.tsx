import { studentEvidence } from '../../../../shared/decision/decisionEvidence';
import {
  toleranceRange,
  type DecisionSettings as Decision,
  type DecisionSource,
} from '../../../../shared/decision/decisionSettings';
import { ROUGE_TYPES, type RougeType } from '../../../../shared/metrics/rouge';
import { formatScore } from '../../../../shared/quality/formatQuality';
import {
  defaultQualitySettings,
  type QualitySettings,
} from '../../../../shared/quality/qualitySettings';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { BarInput } from './BarInput';

interface DecisionSettingsProps {
  report: QualityReport;
  studentId: string;
  onSave: (s: QualitySettings) => void;
}

const ROUGE_NAME: Record<RougeType, string> = {
  rouge1: 'ROUGE-1',
  rouge2: 'ROUGE-2',
  rougeL: 'ROUGE-L',
  rougeLsum: 'ROUGE-Lsum',
};

/**
 * What the verdict rests on: which sources decide and how much worse than the teacher each may
 * be. Every row says whether its value is the analyst's or the default, as the report does; the
 * store refuses a tolerance outside its range with a message naming it.
 */
export function DecisionSettings({ report, studentId, onSave }: DecisionSettingsProps) {
  const decision = report.settings.decision ?? defaultQualitySettings().decision;
  const save = (d: Decision) => onSave({ ...report.settings, decision: d });
  const rows = studentEvidence(report, studentId).sources;
  const setDecisive = (source: DecisionSource, value: boolean) =>
    save({ ...decision, decisive: { ...decision.decisive, [source]: value } });
  return (
    <section className="decision-settings" data-testid="decision-settings">
      <h3 className="section-title">What the verdict rests on</h3>
      <p className="hint">
        A source marked decisive must keep the whole interval of the student − teacher difference
        within its tolerance (ROUGE against the teacher: a lowest similarity) on at least 10
        paragraphs for a Yes. Values you have not set are the defaults shown.
      </p>
      <label className="row">
        ROUGE variant
        <select
          className="input"
          data-testid="decision-rouge-type"
          value={decision.rougeType}
          onChange={(e) => save({ ...decision, rougeType: e.target.value as RougeType })}
        >
          {ROUGE_TYPES.map((t) => (
            <option key={t} value={t}>
              {ROUGE_NAME[t]}
            </option>
          ))}
        </select>
      </label>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Decisive</th>
            <th scope="col" className="num">
              Tolerance (score points)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const range = toleranceRange(e.metric);
            return (
              <tr key={e.source} data-testid={`decision-${e.source}`}>
                <th scope="row">
                  {e.label}
                  <span className="hint"> · {e.metricLabel}</span>
                </th>
                <td>
                  <label className="row">
                    <input
                      type="checkbox"
                      data-testid={`decisive-${e.source}`}
                      checked={e.decisive}
                      onChange={(ev) => setDecisive(e.source, ev.target.checked)}
                    />
                    {e.decisiveIsDefault ? 'default' : 'set by you'}
                  </label>
                </td>
                <td className="num">
                  {e.measure === 'difference' ? '−' : '≥ '}
                  <BarInput
                    value={e.tolerance}
                    min={range.min}
                    max={range.max}
                    label={`Tolerance of ${e.label}`}
                    testId={`tolerance-${e.source}`}
                    onCommit={(v) =>
                      save({ ...decision, tolerances: { ...decision.tolerances, [e.metric]: v } })
                    }
                  />
                  <span className="hint">
                    {' '}
                    {e.toleranceIsDefault
                      ? `default ${formatScore(e.tolerance, e.decimals)}`
                      : 'set by you'}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="btn"
        data-testid="decision-defaults"
        onClick={() => save(defaultQualitySettings().decision)}
      >
        Use the defaults
      </button>
    </section>
  );
}
