import { useCallback, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useQuery } from '../../api/useQuery';

export function useDatasets() {
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const call = useCall();
  const { run, setError } = call;

  const reload = useCallback(async () => {
    const list = await run(() => api.listDatasets({}));
    if (list) setDatasets(list);
    return list;
  }, [run]);

  useQuery(() => api.listDatasets({}), [], { onData: setDatasets, onError: setError });

  return { datasets, reload, ...call };
}
