import { useEffect, useState } from 'react';
import type { ModelListAnswer } from '../../../../shared/models/modelList';
import { api } from '../../api/transport';

/**
 * The region's model list for the picker: the stored (or shipped) list at once, then the
 * account's when the control plane answers. A failed fetch keeps what is shown and the answer's
 * notice says why.
 */
export function useModelList(region: string) {
  const [answer, setAnswer] = useState<ModelListAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  /** Bumped by "Refresh from AWS" to read the account again. */
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await api.listModels({ region, refresh: false });
      if (!live) return;
      if (stored.ok) setAnswer(stored.value);
      setLoading(true);
      const fresh = await api.listModels({ region, refresh: true });
      if (!live) return;
      if (fresh.ok) setAnswer(fresh.value);
      setLoading(false);
    })();
    return () => {
      live = false;
    };
  }, [region, round]);

  return { answer, loading, refresh: () => setRound((n) => n + 1) };
}
