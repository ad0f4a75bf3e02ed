import { useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import { countWords, estimateTokensApprox } from '../../../../shared/io/textStats';
import { api } from '../../api/transport';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FilePickButton } from './FilePickButton';
import { ParagraphCard, type ParagraphEdit } from './ParagraphCard';
import { ParagraphComposer } from './ParagraphComposer';
import { useFileDrop } from './useFileDrop';
import { useParagraphs } from './useParagraphs';

interface DatasetEditorProps {
  dataset: Dataset;
  onChanged: () => void;
  onImportFile: (file: File) => void;
  revision: number;
}

export function DatasetEditor({ dataset, onChanged, onImportFile, revision }: DatasetEditorProps) {
  const { paragraphs, loading, setParagraphs, reload, run, error, setError } = useParagraphs(
    dataset.id,
    revision,
  );
  const [name, setName] = useState(dataset.name);
  const drop = useFileDrop(onImportFile);

  const rename = async () => {
    const trimmed = name.trim();
    if (!trimmed || trimmed === dataset.name) {
      setName(dataset.name);
      return;
    }
    if (await run(() => api.renameDataset({ id: dataset.id, name: trimmed }))) onChanged();
  };

  const add = async (p: ParagraphEdit) => {
    const added = await run(() => api.addParagraph({ datasetId: dataset.id, ...p }));
    if (added) {
      setParagraphs((list) => [...list, added]);
      onChanged();
    }
    return added !== null;
  };

  const save = async (id: string, p: ParagraphEdit) => {
    const updated = await run(() => api.updateParagraph({ id, ...p }));
    if (updated) setParagraphs((list) => list.map((x) => (x.id === id ? updated : x)));
    return updated !== null;
  };

  const remove = async (id: string) => {
    if (await run(() => api.deleteParagraph({ id }))) {
      setParagraphs((list) => list.filter((x) => x.id !== id));
      onChanged();
    }
  };

  const move = async (id: string, delta: -1 | 1) => {
    const ids = paragraphs.map((p) => p.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    const list = await run(() => api.reorderParagraphs({ datasetId: dataset.id, orderedIds: ids }));
    if (list) setParagraphs(list);
    else await reload();
  };

  const removeDataset = async () => {
    if (await run(() => api.deleteDataset({ id: dataset.id }))) onChanged();
  };

  const words = paragraphs.reduce((n, p) => n + countWords(p.text), 0);
  const tokens = paragraphs.reduce((n, p) => n + estimateTokensApprox(p.text), 0);
  const withReference = paragraphs.filter((p) => p.reference !== null).length;

  return (
    <section
      className={drop.over ? 'pane editor drop-over' : 'pane editor'}
      aria-label="Dataset editor"
      {...drop.handlers}
    >
      <header className="editor-head">
        <label htmlFor="dataset-name" className="visually-hidden">
          Dataset name
        </label>
        <input
          id="dataset-name"
          data-testid="dataset-name"
          className="title-input"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => void rename()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        <div className="editor-actions">
          <FilePickButton onFile={onImportFile} label="Import…" />
          <ConfirmButton
            label="Delete dataset"
            confirmLabel="Delete dataset and its paragraphs"
            testId="delete-dataset"
            onConfirm={() => void removeDataset()}
          />
        </div>
      </header>
      <p className="editor-summary" data-testid="dataset-summary">
        {loading ? (
          'Loading paragraphs…'
        ) : (
          <>
            {paragraphs.length} {paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ·{' '}
            {words.toLocaleString('en-US')} words · ≈{tokens.toLocaleString('en-US')} tokens ·{' '}
            {withReference} with a reference summary
          </>
        )}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="paragraph-list" data-testid="paragraph-list" aria-busy={loading}>
        {paragraphs.map((p, i) => (
          <ParagraphCard
            key={p.id}
            paragraph={p}
            index={i}
            count={paragraphs.length}
            onSave={save}
            onDelete={(id) => void remove(id)}
            onMove={(id, d) => void move(id, d)}
          />
        ))}
        {!loading && paragraphs.length === 0 && (
          <p className="empty-note">
            No paragraphs yet. Add one below, or drop a .txt, .csv or .jsonl file here.
          </p>
        )}
      </div>
      <ParagraphComposer onAdd={add} />
    </section>
  );
}
