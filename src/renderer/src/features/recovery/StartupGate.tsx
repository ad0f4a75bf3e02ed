import { useEffect, useState } from 'react';
import type { StartupState } from '../../../../shared/ipc/recoveryChannels';
import { api } from '../../api/transport';
import { App } from '../../App';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * Asks main how it started before showing the app: with an unusable data file it shows the
 * recovery screen instead, and the app only once the user has chosen what to do.
 */
export function StartupGate() {
  const [state, setState] = useState<StartupState | null>(null);
  useEffect(() => {
    void api.getStartupState({}).then((r) => {
      // An answer that is not a state (an older main) means nothing to recover.
      setState(r.ok ? r.value : { mode: 'ready' });
    });
  }, []);
  if (state === null) return <div className="startup" data-app-state="starting" />;
  if (state.mode === 'recovery') {
    return <RecoveryScreen state={state} onContinue={() => setState({ mode: 'ready' })} />;
  }
  return <App />;
}
