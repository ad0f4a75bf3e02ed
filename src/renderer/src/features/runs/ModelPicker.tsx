import { useState } from 'react';
import { MAX_STUDENTS, ModelIdSchema } from '../../../../shared/domain/experiment';
import type { ModelListAnswer } from '../../../../shared/models/modelList';
import {
  lifecycleWarningsFor,
  pickableModels,
  type PickableModel,
} from '../../../../shared/models/modelListView';
import { modelName } from '../../../../shared/report/names';
import { TypedModelNote } from './TypedModelNote';

interface ModelPickerProps {
  teacher: string;
  students: string[];
  /** The experiment's region: typed ids without one of their own are looked up there. */
  region: string;
  /** The region's list (account, stored or shipped); null while it loads. */
  list: ModelListAnswer | null;
  loading: boolean;
  onRefresh: () => void;
  onChange: (teacher: string, students: string[]) => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** What an option says: the name, the profile the region needs, and a Legacy mark. */
function label(m: PickableModel): string {
  const parts = [m.name];
  if (m.needsProfile) parts.push(`via ${m.invokeId.split('.')[0]}. profile`);
  if (m.lifecycleStatus.toUpperCase() === 'LEGACY')
    parts.push(`Legacy${m.endOfLife ? `, ends ${m.endOfLife}` : ''}`);
  return parts.join(' · ');
}

const ORIGIN: Record<ModelListAnswer['origin'], string> = {
  account: 'from your account',
  stored: 'stored list',
  shipped: 'shipped with the app',
};

/**
 * One teacher and up to five students from the region's list: each option is the id to call
 * (the inference profile when the region needs one), or typed (any model id, profile or ARN).
 */
export function ModelPicker({
  teacher,
  students,
  region,
  list,
  loading,
  onRefresh,
  onChange,
}: ModelPickerProps) {
  const [custom, setCustom] = useState('');
  const customOk = ModelIdSchema.safeParse(custom).success;
  const models = list ? pickableModels(list.list, today()) : [];
  const providers = [...new Set(models.map((m) => m.provider))];
  const known = new Set(models.map((m) => m.invokeId));
  const extraStudents = students.filter((s) => !known.has(s));
  const toggle = (id: string) =>
    onChange(teacher, students.includes(id) ? students.filter((s) => s !== id) : [...students, id]);

  return (
    <div className="model-picker">
      <p className="hint" data-testid="model-list-origin">
        {list
          ? `${models.length} models in ${list.list.region} (${ORIGIN[list.origin]}, ${list.list.fetchedAt.slice(0, 10)}).`
          : 'Loading the region’s models…'}{' '}
        <button type="button" className="btn-link" disabled={loading} onClick={onRefresh}>
          {loading ? 'Reading your account…' : 'Refresh from AWS'}
        </button>
      </p>
      {list?.notice && (
        <p className="banner banner-warn" data-testid="model-list-notice">
          {list.notice}
        </p>
      )}
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
          {providers.map((p) => (
            <optgroup key={p} label={p}>
              {models
                .filter((m) => m.provider === p)
                .map((m) => (
                  <option key={m.invokeId} value={m.invokeId} title={m.profileNote ?? undefined}>
                    {label(m)}
                  </option>
                ))}
            </optgroup>
          ))}
          {!known.has(teacher) && (
            <option value={teacher} title={teacher}>
              {modelName(teacher)}
            </option>
          )}
        </select>
        {!known.has(teacher) && <TypedModelNote id={teacher} region={region} />}
      </div>
      <fieldset className="field students">
        <legend className="label">
          Students <span className="optional">up to {MAX_STUDENTS}</span>
        </legend>
        <div className="student-grid" data-testid="student-models">
          {models
            .filter((m) => m.invokeId !== teacher)
            .map((m) => (
              <label key={m.invokeId} className="check" title={m.profileNote ?? undefined}>
                <input
                  type="checkbox"
                  checked={students.includes(m.invokeId)}
                  onChange={() => toggle(m.invokeId)}
                />
                {label(m)}
              </label>
            ))}
          {extraStudents.map((id) => (
            <div key={id} className="typed-student">
              <label className="check" title={id}>
                <input type="checkbox" checked onChange={() => toggle(id)} />
                {/* Named as every other screen names it: a profile id or ARN by its model. */}
                {modelName(id) === id ? <code>{id}</code> : modelName(id)}
              </label>
              <TypedModelNote id={id} region={region} />
            </div>
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
        <TypedModelNote id={custom} region={region} />
      </fieldset>
    </div>
  );
}

/** Lifecycle warnings for the chosen ids (see shared/models/modelListView.ts). */
export function lifecycleWarnings(list: ModelListAnswer | null, ids: string[]): string[] {
  return list ? lifecycleWarningsFor(list.list, ids, today()) : [];
}
