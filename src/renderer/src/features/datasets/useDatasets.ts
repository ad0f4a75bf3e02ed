import { useCallback, useEffect, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';

export function useDatasets() {
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const call = useCall();
  const { run } = call;

  const reload = useCallback(async () => {
    const list = await run(() => api.listDatasets({}));
    if (list) setDatasets(list);
    return list;
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { datasets, reload, ...call };
}
