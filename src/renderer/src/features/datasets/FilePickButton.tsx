import { useRef } from 'react';

interface FilePickButtonProps {
  onFile: (file: File) => void;
  label: string;
}

export const IMPORT_ACCEPT = '.txt,.csv,.jsonl,.ndjson,text/plain,text/csv';

export function FilePickButton({ onFile, label }: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="import-file"
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        data-testid="import-file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
