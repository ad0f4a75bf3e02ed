import { useMemo } from 'react';
import { decideMove } from '../../../../../shared/decision/verdict';
import type { RoiOutputs } from '../../../../../shared/roi/computeRoi';
import { latencyEvidence, type RoiEvidence } from '../../../../../shared/roi/evidence';
import type { Scenario } from '../../../../../shared/roi/scenario';

interface VerdictPanelProps {
  scenario: Scenario;
  roi: RoiOutputs;
  evidence: RoiEvidence | null;
}

/**
 * The verdict for the scenario on screen, from the same function the report's cover and the CLI
 * use, so moving a slider can turn it, but it never says what the report would not.
 */
export function VerdictPanel({ scenario, roi, evidence }: VerdictPanelProps) {
  const v = useMemo(
    () =>
      decideMove({
        scenario,
        roi,
        evidence:
          evidence?.decision.find((d) => d.studentModelId === scenario.student.modelId) ?? null,
        latency: evidence ? latencyEvidence(evidence, scenario.student.modelId) : undefined,
      }),
    [scenario, roi, evidence],
  );
  return (
    <section
      className={`panel verdict verdict-${v.verdict}`}
      data-testid="roi-verdict"
      data-verdict={v.verdict}
      aria-labelledby="roi-verdict-answer"
    >
      <h2 id="roi-verdict-answer">{v.answer}</h2>
      <ul className="verdict-reasons">
        {v.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {v.settle.length > 0 && (
        <p className="hint" data-testid="roi-verdict-settle">
          What would settle it: {v.settle.join('; ')}.
        </p>
      )}
    </section>
  );
}
