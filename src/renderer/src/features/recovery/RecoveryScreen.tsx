import { useState } from 'react';
import type { StartupState } from '../../../../shared/ipc/recoveryChannels';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import './recovery.css';

type Recovery = Extract<StartupState, { mode: 'recovery' }>;

interface RecoveryScreenProps {
  state: Recovery;
  onContinue: () => void;
}

const PROBLEM: Record<Recovery['problem'], string> = {
  damaged: 'The data file is damaged and cannot be opened.',
  foreign: 'The file at the data path was not written by Distill ROI.',
  newer: 'The data file was written by a newer version of Distill ROI.',
};

type Choice = 'restore' | 'fresh' | null;

/**
 * Shown instead of the app when the data file cannot be used. Nothing changes until the user
 * confirms one choice; either way the unusable file is renamed beside itself, never deleted.
 */
export function RecoveryScreen({ state, onContinue }: RecoveryScreenProps) {
  const [choice, setChoice] = useState<Choice>(null);
  const [done, setDone] = useState<{ movedAsideTo: string; restoredFrom: string | null } | null>(
    null,
  );
  const { run, error, setError, busy } = useCall();
  const latest = state.backups[0];

  const confirm = async () => {
    const result = await run(() =>
      choice === 'restore' && latest
        ? api.restoreBackup({ fileName: latest.fileName, confirm: true })
        : api.startFresh({ confirm: true }),
    );
    if (result) setDone(result);
    setChoice(null);
  };

  if (done) {
    return (
      <main className="recovery" data-app-state="recovered" data-testid="recovery-screen">
        <h1>Data file replaced</h1>
        <p data-testid="recovery-done">
          {done.restoredFrom
            ? 'The backup was copied into place. '
            : 'A new, empty data file was created. '}
          The file that could not be used was kept as <code>{done.movedAsideTo}</code>.
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={onContinue}
          data-testid="recovery-continue"
        >
          Open Distill ROI
        </button>
      </main>
    );
  }

  return (
    <main className="recovery" data-app-state="recovery" data-testid="recovery-screen">
      <h1>Distill ROI could not open its data</h1>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p data-testid="recovery-problem">{PROBLEM[state.problem]}</p>
      <p className="recovery-reason" data-testid="recovery-reason">
        {state.reason}
      </p>
      <p>
        File: <code data-testid="recovery-path">{state.path}</code>. It has not been changed, and
        nothing is deleted: whatever you choose below, it is kept beside itself under a new name.
      </p>
      <section aria-labelledby="recovery-backup-title">
        <h2 id="recovery-backup-title">Latest automatic backup</h2>
        {latest ? (
          <p data-testid="recovery-backup">
            {latest.fileName}, taken {new Date(latest.modifiedAt).toLocaleString()} (
            {Math.ceil(latest.sizeBytes / 1024)} KB). Changes made after it are not in it.
          </p>
        ) : (
          <p data-testid="recovery-no-backup">There is no automatic backup of this data file.</p>
        )}
      </section>
      {choice === null ? (
        <div className="recovery-actions">
          {latest && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setChoice('restore')}
              data-testid="recovery-restore"
            >
              Restore the latest backup…
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => setChoice('fresh')}
            data-testid="recovery-fresh"
          >
            Start with an empty data file…
          </button>
        </div>
      ) : (
        <div
          className="recovery-confirm"
          role="group"
          aria-label="Confirm"
          data-testid="recovery-confirm-box"
        >
          <p>
            {choice === 'restore'
              ? 'The unusable file will be renamed beside itself and the backup copied into its place.'
              : 'The unusable file will be renamed beside itself and a new, empty data file started.'}
          </p>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => void confirm()}
            data-testid="recovery-confirm"
          >
            {choice === 'restore' ? 'Yes, restore the backup' : 'Yes, start empty'}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setChoice(null)}>
            Cancel
          </button>
        </div>
      )}
    </main>
  );
}
