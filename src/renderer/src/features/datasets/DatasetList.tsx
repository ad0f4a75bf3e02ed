import { useState, type FormEvent } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';

interface DatasetListProps {
  datasets: Dataset[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreate: (name: string) => Promise<void>;
  onSample: () => Promise<void>;
}

export function DatasetList({
  datasets,
  selectedId,
  onSelect,
  onCreate,
  onSample,
}: DatasetListProps) {
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    await onCreate(name.trim());
    setName('');
  };
  return (
    <aside className="pane dataset-list" aria-label="Datasets">
      <h2 className="pane-title">Datasets</h2>
      <ul data-testid="dataset-list">
        {datasets.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className={d.id === selectedId ? 'dataset-item active' : 'dataset-item'}
              aria-current={d.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(d.id)}
            >
              <span className="dataset-name">{d.name}</span>
              <span className="dataset-count">
                {d.paragraphCount} {d.paragraphCount === 1 ? 'paragraph' : 'paragraphs'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form className="new-dataset" onSubmit={(e) => void submit(e)}>
        <label htmlFor="new-dataset-name" className="label">
          New dataset
        </label>
        <div className="row">
          <input
            id="new-dataset-name"
            data-testid="new-dataset-name"
            className="input"
            placeholder="e.g. Support tickets Q3"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="create-dataset"
            disabled={!name.trim()}
          >
            Create
          </button>
        </div>
      </form>
      <button type="button" className="btn btn-link" onClick={() => void onSample()}>
        Add the sample dataset
      </button>
    </aside>
  );
}
