import { useCallback, useEffect, useState } from 'react';
import type { Paragraph } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';

/** `revision` changes when paragraphs arrive from elsewhere (an import), forcing a fresh read. */
export function useParagraphs(datasetId: string, revision: number) {
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  const call = useCall();
  const { run, setError } = call;

  const reload = useCallback(async () => {
    const list = await run(() => api.listParagraphs({ datasetId }));
    if (list) setParagraphs(list);
  }, [datasetId, run]);

  useEffect(() => {
    let live = true;
    void api.listParagraphs({ datasetId }).then((r) => {
      if (!live) return;
      if (r.ok) setParagraphs(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [datasetId, revision, setError]);

  return { paragraphs, setParagraphs, reload, ...call };
}
