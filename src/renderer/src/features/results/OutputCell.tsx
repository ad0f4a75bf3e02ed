import { NOT_RUN_YET } from '../../../../shared/batch/emptyResults';
import { BATCH_LATENCY_TEXT } from '../../../../shared/batch/latencySource';
import type { RunRecord } from '../../../../shared/domain/run';
import { formatNumber, formatUsd } from '../../../../shared/format';
import { formatMs } from '../../../../shared/formatTime';
import type { DiffSegment } from '../../../../shared/text/wordDiff';
import { DiffText } from './DiffText';

/** One model's answer to one paragraph, with the measurements of that call underneath. */
export function OutputCell({
  run,
  segments,
  marks = 'added',
  missing = NOT_RUN_YET,
}: {
  run: RunRecord | undefined;
  segments: DiffSegment[] | null;
  marks?: 'added' | 'dropped';
  /** What to say when the call has no stored result (missingOutputText). */
  missing?: string;
}) {
  if (!run)
    return (
      <div className="output missing" data-testid="output-missing">
        {missing}
      </div>
    );
  if (run.status === 'error') {
    return (
      <div className="output failed" data-testid="output-error">
        <strong>{run.errorClass ?? 'error'}</strong>: {run.errorMessage}
      </div>
    );
  }
  return (
    <div className="output" data-testid="output-cell">
      {segments ? (
        <DiffText segments={segments} marks={marks} />
      ) : (
        <p className="output-text">{run.outputText}</p>
      )}
      <dl className="measures">
        <div>
          <dt>Tokens</dt>
          <dd>
            {formatNumber(run.inputTokens ?? 0)} in · {formatNumber(run.outputTokens ?? 0)} out
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{run.via === 'batch' ? BATCH_LATENCY_TEXT : formatMs(run.e2eMs)}</dd>
        </div>
        <div>
          <dt>Server</dt>
          <dd>{formatMs(run.serverMs)}</dd>
        </div>
        <div>
          <dt>TTFT</dt>
          <dd>{formatMs(run.ttftMs)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{run.costUsd === null ? '—' : formatUsd(run.costUsd)}</dd>
        </div>
        {run.stopReason === 'max_tokens' && (
          <div>
            <dt>Stop</dt>
            <dd className="warn-text">hit max tokens</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
