import { useEffect, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import type { ImportPreview } from '../../../../shared/io/importPreview';
import { parseParagraphFile } from '../../../../shared/io/importParagraphs';
import { MAX_IMPORT_BYTES } from '../../../../shared/domain/limits';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { useDialogFocus } from '../../components/useDialogFocus';
import { ImportPreviewTables } from './ImportPreviewTables';

interface ImportFlowProps {
  file: File;
  datasets: Dataset[];
  onClose: () => void;
  onImported: (datasetId: string) => Promise<void>;
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').slice(0, 120) || 'Imported';

async function readPreview(file: File): Promise<ImportPreview> {
  // Refuse before reading a huge file into memory; the parser checks the same limit on bytes.
  if (file.size > MAX_IMPORT_BYTES) {
    return parseParagraphFile({ fileName: file.name, bytes: new Uint8Array(file.size) });
  }
  return parseParagraphFile({
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
}

/** Preview first, then one all-or-nothing import into an existing or a new dataset. */
export function ImportFlow({ file, datasets, onClose, onImported }: ImportFlowProps) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // A new dataset by default: adding to the open one must be a choice, not an accident.
  const [target, setTarget] = useState<string>('new');
  const [newName, setNewName] = useState(baseName(file.name));
  const { run, error, setError, busy } = useCall();
  const dialogRef = useDialogFocus<HTMLDivElement>(onClose);

  useEffect(() => {
    let live = true;
    void readPreview(file).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [file]);

  const commit = async () => {
    if (!preview?.ok) return;
    const rows = preview.accepted.map(({ text, reference, tags }) => ({ text, reference, tags }));
    const result = await run(() =>
      api.importParagraphs({
        target:
          target === 'new'
            ? { kind: 'new', name: newName.trim() || baseName(file.name) }
            : { kind: 'existing', datasetId: target },
        rows,
      }),
    );
    if (result) await onImported(result.datasetId);
  };

  return (
    <div className="modal-backdrop" role="presentation">
      <div
        ref={dialogRef}
        tabIndex={-1}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
      >
        <h2 id="import-title">Import “{file.name}”</h2>
        {!preview && <p>Reading the file…</p>}
        {preview && !preview.ok && (
          <p className="banner banner-error" role="alert" data-testid="import-refused">
            {preview.message}
          </p>
        )}
        {preview?.ok && (
          <>
            <p data-testid="import-counts">
              {preview.format.toUpperCase()} file: <strong>{preview.accepted.length}</strong>{' '}
              paragraphs will be imported, <strong>{preview.rejected.length}</strong> rows rejected.
            </p>
            {preview.warnings.map((w) => (
              <p key={w} className="banner banner-warn">
                {w}
              </p>
            ))}
            <ImportPreviewTables preview={preview} />
            <fieldset className="import-target">
              <legend className="label">Import into</legend>
              <select
                className="input"
                aria-label="Target dataset"
                data-testid="import-target"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                <option value="new">A new dataset…</option>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              {target === 'new' && (
                <input
                  className="input"
                  aria-label="New dataset name"
                  data-testid="import-new-name"
                  value={newName}
                  maxLength={120}
                  onChange={(e) => setNewName(e.target.value)}
                />
              )}
            </fieldset>
          </>
        )}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          {preview?.ok && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-confirm"
              disabled={busy || preview.accepted.length === 0}
              onClick={() => void commit()}
            >
              Import {preview.accepted.length} paragraphs
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
