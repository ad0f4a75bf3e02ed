import { judgeEstimateText } from '../../../../shared/estimate/judgeEstimate';
import type { JudgeSettings } from '../../../../shared/quality/qualitySettings';
import { api } from '../../api/transport';
import { useDebouncedResult } from '../../api/useDebouncedResult';

interface JudgeEstimatePanelProps {
  experimentId: string;
  /** The judge settings as edited (saved or not), once they validate. */
  judge: JudgeSettings;
  /** Changes when what is already judged may have changed (a judge run ended, a call landed). */
  judgedKey: string;
  /** Estimate the retry of the failed items (with what is missing) instead of a plain run. */
  retryFailures?: boolean;
}

/**
 * What starting the judge would cost, before any call: recomputed in main (debounced) as the
 * settings are edited and whenever the judged calls change, so it always counts what a run
 * would make now.
 */
export function JudgeEstimatePanel({
  experimentId,
  judge,
  judgedKey,
  retryFailures = false,
}: JudgeEstimatePanelProps) {
  // The latest settings are read when the (debounced) call goes out; the key says when to ask.
  const { value: estimate, error } = useDebouncedResult(
    `${judgedKey}|${retryFailures}|${JSON.stringify(judge)}`,
    () => api.estimateJudge({ experimentId, judge, retryFailures }),
  );

  if (error) return <p className="banner banner-error">{error.message}</p>;
  if (!estimate) return <p className="hint">Estimating the judge’s cost…</p>;
  const text = judgeEstimateText(estimate);
  return (
    <section
      className="estimate"
      data-testid={retryFailures ? 'judge-retry-estimate' : 'judge-estimate'}
      aria-label={retryFailures ? 'Cost estimate of the retry' : 'Judge cost estimate'}
    >
      <p className="estimate-figures" data-testid="judge-estimate-calls">
        {text.calls}
      </p>
      {text.figures && <p data-testid="judge-estimate-figures">{text.figures}</p>}
      {text.noPrice && (
        <p className="warn-text" data-testid="judge-estimate-no-price">
          {text.noPrice}
        </p>
      )}
      {text.method && <p className="hint">{text.method}</p>}
    </section>
  );
}
