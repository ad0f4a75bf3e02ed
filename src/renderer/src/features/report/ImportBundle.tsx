import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../../shared/ipc/reportChannels';
import type { AppError } from '../../../../shared/ipc/result';
import { formatNumber } from '../../../../shared/format';
import { api } from '../../api/transport';

interface ImportBundleProps {
  onImported: (summary: ImportSummary) => void;
  onError: (e: AppError | null) => void;
}

/** Imports a bundle from another machine as a new experiment (new ids; nothing is replaced). */
export function ImportBundle({ onImported, onError }: ImportBundleProps) {
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const r = await api.importBundle({ text: await file.text() });
      if (r.ok) {
        onError(null);
        setDone(r.value);
        onImported(r.value);
      } else {
        setDone(null);
        onError(r.error);
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="report-import">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Experiment bundle to import"
        className="visually-hidden"
        data-testid="import-bundle-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <button
        type="button"
        className="btn btn-ghost"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : 'Import a bundle…'}
      </button>
      {done && (
        <p className="hint" role="status" data-testid="import-result">
          Imported “{done.experimentName}” as a new experiment: {formatNumber(done.paragraphs)}{' '}
          paragraphs, {formatNumber(done.runs)} calls, {formatNumber(done.scores)} scores,{' '}
          {formatNumber(done.scenarios)} scenarios.
        </p>
      )}
    </div>
  );
}
