import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { ErrorBanner } from '../../components/Banner';
import { DatasetList } from './DatasetList';
import { DatasetEditor } from './DatasetEditor';
import { FirstRun } from './FirstRun';
import { useDatasets } from './useDatasets';
import { ImportFlow } from './ImportFlow';

export function DatasetsScreen() {
  const { datasets, reload, run, error, setError } = useDatasets();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importFile, setImportFile] = useState<File | null>(null);

  useEffect(() => {
    if (!datasets) return;
    if (!selectedId || !datasets.some((d) => d.id === selectedId)) setSelectedId(datasets[0]?.id ?? null);
  }, [datasets, selectedId]);

  const create = async (name: string) => {
    const created = await run(() => api.createDataset({ name }));
    if (created) {
      await reload();
      setSelectedId(created.id);
    }
  };

  const addSample = async () => {
    const created = await run(() => api.addSampleDataset({}));
    if (created) {
      await reload();
      setSelectedId(created.id);
    }
  };

  const selected = datasets?.find((d) => d.id === selectedId) ?? null;

  return (
    <section className="screen" data-app-state={datasets ? 'ready' : 'loading'} data-testid="datasets-screen">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {datasets && datasets.length === 0 && (
        <FirstRun onCreate={create} onSample={addSample} onImportFile={setImportFile} />
      )}
      {datasets && datasets.length > 0 && (
        <div className="two-pane">
          <DatasetList
            datasets={datasets}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onCreate={create}
            onSample={addSample}
          />
          {selected && (
            <DatasetEditor
              key={selected.id}
              dataset={selected}
              onChanged={() => void reload()}
              onImportFile={setImportFile}
            />
          )}
        </div>
      )}
      {importFile && (
        <ImportFlow
          file={importFile}
          datasets={datasets ?? []}
          defaultDatasetId={selected?.id ?? null}
          onClose={() => setImportFile(null)}
          onImported={async (datasetId) => {
            setImportFile(null);
            await reload();
            setSelectedId(datasetId);
          }}
        />
      )}
    </section>
  );
}
