import { useState } from 'react';
import { formatNumber, formatUsd } from '../../../../shared/format';
import type { QualitySetup } from '../../../../shared/ipc/qualityChannels';
import { formatSavedAt } from '../../../../shared/formatTime';
import {
  JudgeSettingsSchema,
  type JudgeSettings,
} from '../../../../shared/quality/qualitySettings';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { JudgeEstimatePanel } from './JudgeEstimatePanel';
import { JudgeFailures } from './JudgeFailures';
import { JudgeForm } from './JudgeForm';
import { modelName } from '../../../../shared/report/names';

const STATUS_CLASS = {
  idle: '',
  running: 'status-running',
  completed: 'status-completed',
  cancelled: 'status-cancelled',
  stopped: 'status-paused',
  paused: 'status-paused',
} as const;

interface JudgePanelProps {
  report: QualityReport;
  setup: QualitySetup;
  onSave: (judge: JudgeSettings) => Promise<boolean>;
  onChanged: () => void;
}

/** Pick and edit the judge, save it, run it over every output, and watch what it costs. */
export function JudgePanel({ report, setup, onSave, onChanged }: JudgePanelProps) {
  const saved = setup.settings.judge;
  const [draft, setDraft] = useState<JudgeSettings>(saved ?? setup.defaultJudge);
  const { run, error, setError, busy } = useCall();
  const p = setup.judgeProgress;
  const checked = JudgeSettingsSchema.safeParse(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const running = p.status === 'running';
  const positions = new Map(report.paragraphs.map((x) => [x.id, x.position]));
  // Errored calls count as done but are made again by the next run; failures are final.
  const allJudged = !dirty && p.total > 0 && p.done >= p.total && p.errors === 0;
  const runLabel = allJudged
    ? p.failures > 0
      ? `Everything has a result (${formatNumber(p.failures)} unreadable: retry below)`
      : 'Everything is judged'
    : p.errors > 0
      ? `Judge again (${formatNumber(p.errors)} got no answer)`
      : p.done > 0
        ? 'Judge what is missing'
        : 'Run the judge';
  // Why Run is off, said next to it (the label itself says when everything is judged).
  const runBlocked = !checked.success
    ? 'Run is off: fix the judge settings above, then save them.'
    : saved === null
      ? 'Run is off: save the judge settings first.'
      : dirty
        ? 'Run is off: save your changes first; the judge runs with the saved settings.'
        : null;

  return (
    <section className="judge-panel" aria-label="LLM judge" data-testid="judge-panel">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <JudgeForm
        draft={draft}
        defaults={setup.defaultJudge}
        comparedModels={[report.teacherModelId, ...report.studentModelIds]}
        onChange={setDraft}
      />
      {!checked.success && (
        <p className="warn-text" data-testid="judge-invalid">
          {checked.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join(' · ')}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          data-testid="judge-save"
          disabled={!checked.success || !dirty || busy}
          onClick={() => {
            if (checked.success) void onSave(checked.data);
          }}
        >
          Save judge settings
        </button>
        {running ? (
          <button
            type="button"
            className="btn btn-danger"
            data-testid="judge-cancel"
            onClick={() =>
              void run(() => api.cancelJudge({ experimentId: report.experimentId })).then(onChanged)
            }
          >
            Cancel judging
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="judge-run"
            disabled={saved === null || dirty || busy || allJudged}
            aria-describedby={runBlocked ? 'judge-run-why' : undefined}
            onClick={() =>
              void run(() => api.startJudge({ experimentId: report.experimentId })).then(onChanged)
            }
          >
            {runLabel}
          </button>
        )}
        {!running && runBlocked && (
          <span className="warn-text" id="judge-run-why" data-testid="judge-run-why">
            {runBlocked}
          </span>
        )}
        <span className="hint">
          Edits make a new prompt version; scores shown always come from the version last run.
        </span>
      </div>
      {!running && !dirty && p.failures > 0 && (
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            data-testid="judge-retry-failures"
            disabled={saved === null || busy}
            onClick={() =>
              void run(() =>
                api.startJudge({ experimentId: report.experimentId, retryFailures: true }),
              ).then(onChanged)
            }
          >
            Retry {formatNumber(p.failures)} failed {p.failures === 1 ? 'item' : 'items'}
          </button>
          <span className="hint">
            Asks again only the items whose answers could not be read; change the judge or its
            prompts first if they all failed the same way.
          </span>
          {saved !== null && (
            <JudgeEstimatePanel
              experimentId={report.experimentId}
              judge={saved}
              judgedKey={`${p.status}|${p.promptId ?? ''}|${p.done}|${p.failures}`}
              retryFailures
            />
          )}
        </div>
      )}
      {!running && checked.success && (
        <JudgeEstimatePanel
          experimentId={report.experimentId}
          judge={checked.data}
          judgedKey={`${p.status}|${p.promptId ?? ''}|${p.done}|${p.errors}`}
        />
      )}
      <div className="judge-progress" data-testid="judge-progress" data-status={p.status}>
        <span className={`status ${STATUS_CLASS[p.status]}`}>{p.status}</span>
        <span>
          {formatNumber(p.done)} / {formatNumber(p.total)} judge calls · {formatNumber(p.answered)}{' '}
          answered · {formatNumber(p.failures)} failed · {formatNumber(p.errors)} errors · judge
          cost {formatUsd(p.costUsd)} (apart from the comparison’s{' '}
          {formatUsd(report.comparisonCostUsd)})
        </span>
        {p.statusReason && <span className="status-reason">{p.statusReason}</span>}
      </div>
      {report.judge.promptId && report.judge.promptCreatedAt && (
        <p className="hint" data-testid="judge-version">
          The quality view shows the scores of the prompt version first used{' '}
          {formatSavedAt(report.judge.promptCreatedAt)} with {modelName(report.judge.modelId ?? '')}
          :
          {` ${formatNumber(report.judge.answered)} answered, ${formatNumber(report.judge.failures)} failed.`}{' '}
          Its rubric and prompts are stored with those scores.
        </p>
      )}
      <JudgeFailures
        failures={setup.judgeFailures}
        positionOf={(id) => positions.get(id)}
        open={p.status === 'paused'}
      />
    </section>
  );
}
