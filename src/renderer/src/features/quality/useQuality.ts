import { useCallback, useEffect, useRef, useState } from 'react';
import type { QualitySetup } from '../../../../shared/ipc/qualityChannels';
import type { AppError } from '../../../../shared/ipc/result';
import type { QualitySettings } from '../../../../shared/quality/qualitySettings';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/**
 * How long to gather progress events before re-reading the report. The report is computed in
 * main (ROUGE, then thousands of bootstrap resamples per metric), on the same thread that times
 * the experiment's calls, so while a run goes it is re-read only every few seconds: often
 * enough to watch, rarely enough not to disturb the latencies being measured.
 */
const RELOAD_DURING_RUN_MS = 5000;
const RELOAD_DURING_JUDGING_MS = 1500;

/**
 * An experiment's quality report and setup. Re-reads on its own when runs arrive or the judge
 * records answers (main re-scores ROUGE on every read), at most once per RELOAD_AFTER_MS so
 * that a fast run does not re-read on every call; the judge's progress itself is live.
 */
export function useQuality(experimentId: string) {
  const [report, setReport] = useState<QualityReport | null>(null);
  const [setup, setSetup] = useState<QualitySetup | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => setRevision((n) => n + 1), []);

  useQuery(() => api.getQualityReport({ experimentId }), [experimentId, revision], {
    onData: setReport,
    onError: setError,
  });
  useQuery(() => api.getQualitySetup({ experimentId }), [experimentId, revision], {
    onData: setSetup,
    onError: setError,
  });

  useEffect(() => {
    const later = (ms: number) => {
      timer.current ??= setTimeout(() => {
        timer.current = null;
        reload();
      }, ms);
    };
    const off = api.onEvent((e) => {
      if (e.type === 'runProgress' && e.progress.experimentId === experimentId) {
        later(RELOAD_DURING_RUN_MS);
      }
      if (e.type === 'judgeProgress' && e.progress.experimentId === experimentId) {
        setSetup((s) => (s ? { ...s, judgeProgress: e.progress } : s));
        later(RELOAD_DURING_JUDGING_MS);
      }
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [experimentId, reload]);

  const saveSettings = useCallback(
    async (settings: QualitySettings): Promise<boolean> => {
      const r = await api.saveQualitySettings({ experimentId, settings });
      if (!r.ok) {
        setError(r.error);
        return false;
      }
      setError(null);
      reload();
      return true;
    },
    [experimentId, reload],
  );

  return { report, setup, error, setError, reload, saveSettings };
}
