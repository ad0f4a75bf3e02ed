import { useState, type FormEvent } from 'react';
import { screenLabel, useNavigate } from '../../navigation';
import { FilePickButton } from './FilePickButton';
import { useFileDrop } from './useFileDrop';

interface FirstRunProps {
  onCreate: (name: string) => Promise<void>;
  onSample: () => Promise<void>;
  onImportFile: (file: File) => void;
}

/** What a new user sees: the steps of the product under the sidebar's names (Settings first), and three ways to start, all offline. */
export function FirstRun({ onCreate, onSample, onImportFile }: FirstRunProps) {
  const [name, setName] = useState('');
  const drop = useFileDrop(onImportFile);
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) await onCreate(name.trim());
  };
  return (
    <div
      className={drop.over ? 'first-run drop-over' : 'first-run'}
      data-testid="first-run"
      {...drop.handlers}
    >
      <h1>Does a smaller model pay off for your workload?</h1>
      <p className="lede">
        Distill ROI measures a large “teacher” model against a smaller “student” on your own texts,
        then turns tokens, latency and quality into a break-even, a payback month and a
        recommendation.
      </p>
      <ol className="steps">
        <li>
          <strong>{screenLabel('settings')}.</strong> Choose where your AWS credentials come from
          and test the connection: every run on Bedrock needs them.{' '}
          <button
            type="button"
            className="btn-link"
            data-testid="first-run-settings"
            onClick={() => navigate('settings')}
          >
            Open {screenLabel('settings')}
          </button>
        </li>
        <li>
          <strong>{screenLabel('datasets')}.</strong> Write or import the texts your workload sees,
          with reference summaries if you have them. Works offline.
        </li>
        <li>
          <strong>{screenLabel('experiments')}.</strong> Send the same prompt to teacher and student
          on Amazon Bedrock and compare outputs, tokens, latency and cost side by side.
        </li>
        <li>
          <strong>{screenLabel('quality')}.</strong> Score the outputs with ROUGE, an LLM judge and
          your own blind ratings.
        </li>
        <li>
          <strong>{screenLabel('roi')}.</strong> Play with volumes, prices and serving modes to see
          break-even, payback and NPV; {screenLabel('report')} exports a PDF for stakeholders.
        </li>
      </ol>
      <div className="start-options">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="add-sample"
          onClick={() => void onSample()}
        >
          Add a sample dataset
        </button>
        <FilePickButton onFile={onImportFile} label="Import a file…" />
        <form className="row" onSubmit={(e) => void submit(e)}>
          <label htmlFor="first-dataset-name" className="visually-hidden">
            Dataset name
          </label>
          <input
            id="first-dataset-name"
            data-testid="new-dataset-name"
            className="input"
            placeholder="Name a new, empty dataset"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="btn"
            data-testid="create-dataset"
            disabled={!name.trim()}
          >
            Create
          </button>
        </form>
      </div>
      <p className="hint">Or drop a .txt, .csv or .jsonl file here.</p>
    </div>
  );
}
