import { useCallback, useState } from 'react';
import type { Paragraph } from '../../../../shared/domain/dataset';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useQuery } from '../../api/useQuery';

/**
 * `revision` changes when paragraphs arrive from elsewhere (an import), forcing a fresh read.
 * `loading` stays true until the first read for this dataset answers, so the editor never shows
 * "no paragraphs" (or another dataset's) while the list is on its way.
 */
export function useParagraphs(datasetId: string, revision: number) {
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const call = useCall();
  const { run, setError } = call;

  const reload = useCallback(async () => {
    const list = await run(() => api.listParagraphs({ datasetId }));
    if (list) setParagraphs(list);
  }, [datasetId, run]);

  useQuery(() => api.listParagraphs({ datasetId }), [datasetId, revision], {
    onData: (list) => {
      setParagraphs(list);
      setLoadedFor(datasetId);
    },
    onError: (e) => {
      setError(e);
      setLoadedFor(datasetId);
    },
  });

  const loading = loadedFor !== datasetId;
  return { paragraphs: loading ? [] : paragraphs, loading, setParagraphs, reload, ...call };
}
