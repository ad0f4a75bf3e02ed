import { useCallback, useEffect, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';

export function useDatasets() {
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const call = useCall();
  const { run, setError } = call;

  const reload = useCallback(async () => {
    const list = await run(() => api.listDatasets({}));
    if (list) setDatasets(list);
    return list;
  }, [run]);

  useEffect(() => {
    let live = true;
    void api.listDatasets({}).then((r) => {
      if (!live) return;
      if (r.ok) setDatasets(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [setError]);

  return { datasets, reload, ...call };
}
