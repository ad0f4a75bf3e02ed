import { useState } from 'react';
import type { Paragraph } from '../../../../shared/domain/dataset';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TextStats } from './TextStats';
import { parseTagsInput, TagsField } from './TagsField';

export interface ParagraphEdit {
  text: string;
  reference: string | null;
  tags: string[];
}

interface ParagraphCardProps {
  paragraph: Paragraph;
  index: number;
  count: number;
  onSave: (id: string, edit: ParagraphEdit) => Promise<boolean>;
  onDelete: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
}

/** One paragraph, edited in place and saved when the field loses focus. */
export function ParagraphCard({
  paragraph,
  index,
  count,
  onSave,
  onDelete,
  onMove,
}: ParagraphCardProps) {
  const [text, setText] = useState(paragraph.text);
  const [reference, setReference] = useState(paragraph.reference ?? '');
  const [tags, setTags] = useState(paragraph.tags.join(', '));
  const [state, setState] = useState<'idle' | 'saved' | 'failed' | 'saving'>('idle');

  const edit: ParagraphEdit = {
    text,
    reference: reference.trim() ? reference : null,
    tags: parseTagsInput(tags),
  };
  const dirty =
    edit.text !== paragraph.text ||
    edit.reference !== paragraph.reference ||
    edit.tags.join('\u0000') !== paragraph.tags.join('\u0000');

  const save = async () => {
    if (!dirty) return;
    setState('saving');
    setState((await onSave(paragraph.id, edit)) ? 'saved' : 'failed');
  };

  const idBase = `p-${paragraph.id}`;
  return (
    <article
      className="card paragraph"
      data-testid="paragraph-card"
      aria-label={`Paragraph ${index + 1}`}
    >
      <div className="card-head">
        <span className="badge">#{index + 1}</span>
        <TextStats text={text} />
        {paragraph.olderTextIn && (
          <span className="tag tag-edited" data-testid="edited-since-run">
            Edited since {paragraph.olderTextIn.map((e) => e.experimentName).join(', ')} ran; they
            keep the text they ran with
          </span>
        )}
        <span
          className={`save-state ${dirty ? 'unsaved' : state}`}
          data-testid="save-state"
          aria-live="polite"
        >
          {state === 'saving'
            ? 'Saving…'
            : dirty
              ? 'Unsaved changes'
              : state === 'saved'
                ? 'Saved'
                : ''}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Move up"
          disabled={index === 0}
          onClick={() => onMove(paragraph.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Move down"
          disabled={index === count - 1}
          onClick={() => onMove(paragraph.id, 1)}
        >
          ↓
        </button>
        <ConfirmButton
          label="Delete"
          confirmLabel="Delete paragraph"
          className="btn btn-ghost btn-small"
          testId="delete-paragraph"
          onConfirm={() => onDelete(paragraph.id)}
        />
      </div>
      <label htmlFor={`${idBase}-text`} className="visually-hidden">
        Paragraph {index + 1} text
      </label>
      <textarea
        id={`${idBase}-text`}
        data-testid="paragraph-text"
        className="textarea"
        rows={Math.min(10, Math.max(3, Math.ceil(text.length / 110)))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
      />
      <div className="composer-extra">
        <div className="field">
          <label htmlFor={`${idBase}-ref`} className="label">
            Reference summary <span className="optional">optional</span>
          </label>
          <textarea
            id={`${idBase}-ref`}
            data-testid="paragraph-reference"
            className="textarea"
            rows={Math.min(6, Math.max(2, Math.ceil(reference.length / 90)))}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            onBlur={() => void save()}
          />
        </div>
        <TagsField
          id={`${idBase}-tags`}
          value={tags}
          onChange={setTags}
          onBlur={() => void save()}
        />
      </div>
    </article>
  );
}
