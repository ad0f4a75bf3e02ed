import { useCallback, useEffect, useState } from 'react';
import type { Paragraph } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';

export function useParagraphs(datasetId: string | null) {
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  const call = useCall();
  const { run } = call;

  const reload = useCallback(async () => {
    if (!datasetId) {
      setParagraphs([]);
      return;
    }
    const list = await run(() => api.listParagraphs({ datasetId }));
    if (list) setParagraphs(list);
  }, [datasetId, run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { paragraphs, setParagraphs, reload, ...call };
}
