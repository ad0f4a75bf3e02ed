import { useState } from 'react';
import { api } from '../../api/transport';
import { ErrorBanner } from '../../components/Banner';
import { DatasetList } from './DatasetList';
import { DatasetEditor } from './DatasetEditor';
import { FirstRun } from './FirstRun';
import { useDatasets } from './useDatasets';
import { ImportFlow } from './ImportFlow';

export function DatasetsScreen() {
  const { datasets, reload, run, error, setError } = useDatasets();
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const [imports, setImports] = useState(0);
  // The chosen dataset, or the first one when nothing (or a deleted one) was chosen.
  const selected = datasets?.find((d) => d.id === chosenId) ?? datasets?.[0] ?? null;
  const selectedId = selected?.id ?? null;

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

  return (
    <section
      className="screen"
      data-app-state={datasets ? 'ready' : 'loading'}
      data-testid="datasets-screen"
    >
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
              revision={imports}
            />
          )}
        </div>
      )}
      {importFile && (
        <ImportFlow
          file={importFile}
          datasets={datasets ?? []}
          onClose={() => setImportFile(null)}
          onImported={async (datasetId) => {
            setImportFile(null);
            setImports((n) => n + 1);
            await reload();
            setSelectedId(datasetId);
          }}
        />
      )}
    </section>
  );
}
