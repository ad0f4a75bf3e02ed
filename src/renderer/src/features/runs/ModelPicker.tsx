import { useState } from 'react';
import { MODELS } from '../../../../shared/pricing/models';
import { MAX_STUDENTS, ModelIdSchema } from '../../../../shared/domain/experiment';

interface ModelPickerProps {
  teacher: string;
  students: string[];
  onChange: (teacher: string, students: string[]) => void;
}

const families = [...new Set(MODELS.map((m) => m.family))];
/** How every screen, the report and the CLI name a model: one function, in src/shared. */
export { modelName } from '../../../../shared/report/names';

/** One teacher and up to five students, from the catalog or typed (profile ids and ARNs included). */
export function ModelPicker({ teacher, students, onChange }: ModelPickerProps) {
  const [custom, setCustom] = useState('');
  const customOk = ModelIdSchema.safeParse(custom).success;
  const known = new Set(MODELS.map((m) => m.id));
  const extraStudents = students.filter((s) => !known.has(s));

  const toggle = (id: string) =>
    onChange(teacher, students.includes(id) ? students.filter((s) => s !== id) : [...students, id]);

  return (
    <div className="model-picker">
      <div className="field">
        <label htmlFor="teacher-model" className="label">
          Teacher
        </label>
        <select
          id="teacher-model"
          data-testid="teacher-model"
          className="input"
          value={teacher}
          onChange={(e) =>
            onChange(
              e.target.value,
              students.filter((s) => s !== e.target.value),
            )
          }
        >
          {families.map((f) => (
            <optgroup key={f} label={f}>
              {MODELS.filter((m) => m.family === f).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </optgroup>
          ))}
          {!known.has(teacher) && <option value={teacher}>{teacher}</option>}
        </select>
      </div>
      <fieldset className="field students">
        <legend className="label">
          Students <span className="optional">up to {MAX_STUDENTS}</span>
        </legend>
        <div className="student-grid" data-testid="student-models">
          {MODELS.filter((m) => m.id !== teacher).map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={students.includes(m.id)}
                onChange={() => toggle(m.id)}
              />
              {m.displayName}
            </label>
          ))}
          {extraStudents.map((id) => (
            <label key={id} className="check">
              <input type="checkbox" checked onChange={() => toggle(id)} />
              <code>{id}</code>
            </label>
          ))}
        </div>
        <div className="row custom-model">
          <label htmlFor="custom-model" className="visually-hidden">
            Another model id, inference profile or ARN
          </label>
          <input
            id="custom-model"
            className="input"
            placeholder="Another model id, inference profile or provisioned/custom model ARN"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
          />
          <button
            type="button"
            className="btn"
            disabled={!customOk || students.includes(custom.trim()) || custom.trim() === teacher}
            onClick={() => {
              onChange(teacher, [...students, custom.trim()]);
              setCustom('');
            }}
          >
            Add student
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={!customOk}
            onClick={() => {
              onChange(
                custom.trim(),
                students.filter((s) => s !== custom.trim()),
              );
              setCustom('');
            }}
          >
            Use as teacher
          </button>
        </div>
      </fieldset>
    </div>
  );
}
