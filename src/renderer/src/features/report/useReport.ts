import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { PaperSize, ReportViewModel } from '../../../../shared/report/reportSchema';
import { api } from '../../api/transport';

export interface ReportChoices {
  scenarioIds: string[];
  includeAppendix: boolean;
  paperSize: PaperSize;
}

interface Loaded {
  /** The request this answers, so a late answer to an older request is recognised. */
  key: string;
  vm: ReportViewModel | null;
  error: AppError | null;
}

/** The report view-model for an experiment and the chosen options, refetched when they change. */
export function useReport(experimentId: string | null, choices: ReportChoices) {
  const key = JSON.stringify({ experimentId, ...choices });
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!experimentId) return;
    let live = true;
    const request = JSON.parse(key) as ReportChoices;
    void api.getReport({ ...request, experimentId }).then((r) => {
      if (!live) return;
      setLoaded(r.ok ? { key, vm: r.value, error: null } : { key, vm: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [experimentId, key]);

  return {
    // The last model shown stays on screen while the next one loads.
    vm: loaded?.vm ?? null,
    error: loaded?.error ?? null,
    loading: loaded?.key !== key,
    setError: (error: AppError | null) => setLoaded((l) => (l ? { ...l, error } : l)),
  };
}
