import type { QualitySetup } from '../../../../shared/ipc/qualityChannels';
import { modelName } from '../../../../shared/report/names';

interface JudgeFailuresProps {
  failures: QualitySetup['judgeFailures'];
  positionOf: (paragraphId: string) => number | undefined;
  /** Shown unfolded, e.g. when the judge paused on them. */
  open?: boolean;
}

const KIND = {
  score: 'rubric score',
  pairwiseTeacherFirst: 'pairwise, teacher shown first',
  pairwiseStudentFirst: 'pairwise, student shown first',
} as const;

/** The judge's unusable or missing answers, with what it actually said, so nothing is hidden. */
export function JudgeFailures({ failures, positionOf, open = false }: JudgeFailuresProps) {
  if (failures.length === 0) return null;
  return (
    <details className="judge-failures" data-testid="judge-failures" open={open}>
      <summary>
        {failures.length} latest judge {failures.length === 1 ? 'failure' : 'failures'} (no score
        was recorded for these)
      </summary>
      <ul>
        {failures.map((f, i) => (
          <li key={i}>
            <strong>
              Paragraph {(positionOf(f.paragraphId) ?? 0) + 1}, {modelName(f.modelId)},{' '}
              {KIND[f.kind]}
            </strong>
            : {f.status === 'invalid' ? 'unreadable answer' : 'no answer'} — {f.problem ?? ''}
            {f.answerText && <pre className="judge-answer">{f.answerText}</pre>}
          </li>
        ))}
      </ul>
    </details>
  );
}
