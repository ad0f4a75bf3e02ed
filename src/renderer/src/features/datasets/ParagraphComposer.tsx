import { useState, type FormEvent } from 'react';
import { TextStats } from './TextStats';
import { parseTagsInput, TagsField } from './TagsField';

interface ParagraphComposerProps {
  onAdd: (p: { text: string; reference: string | null; tags: string[] }) => Promise<boolean>;
}

export function ParagraphComposer({ onAdd }: ParagraphComposerProps) {
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [tags, setTags] = useState('');

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) return;
    const added = await onAdd({
      text,
      reference: reference.trim() ? reference : null,
      tags: parseTagsInput(tags),
    });
    if (added) {
      setText('');
      setReference('');
      setTags('');
    }
  };

  return (
    <form
      className="card composer"
      onSubmit={(e) => void submit(e)}
      data-testid="paragraph-composer"
    >
      <div className="card-head">
        <h3>Add a paragraph</h3>
        <TextStats text={text} testId="composer-stats" />
      </div>
      <label htmlFor="composer-text" className="visually-hidden">
        Paragraph text
      </label>
      <textarea
        id="composer-text"
        data-testid="composer-text"
        className="textarea"
        rows={4}
        placeholder="Paste or type the text the model should summarize…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      <div className="composer-extra">
        <div className="field">
          <label htmlFor="composer-reference" className="label">
            Reference summary <span className="optional">optional</span>
          </label>
          <textarea
            id="composer-reference"
            data-testid="composer-reference"
            className="textarea"
            rows={2}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <TagsField id="composer-tags" value={tags} onChange={setTags} />
      </div>
      <div className="card-foot">
        <span className="hint">Ctrl+Enter adds it</span>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="composer-add"
          disabled={!text.trim()}
        >
          Add paragraph
        </button>
      </div>
    </form>
  );
}
