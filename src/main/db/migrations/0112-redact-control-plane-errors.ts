import { redactSecrets } from '../../../shared/security/redactSecrets';
import type { Migration } from '../migration';

/** The columns of control-plane jobs whose text may quote AWS: masked in place. */
const TEXT_COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['batch_jobs', 'message'],
  ['batch_jobs', 'collect_note'],
  ['distill_jobs', 'failure_message'],
  ['distill_jobs', 'last_error'],
  ['servings', 'message'],
];

/** The column's object, or null (the oldest setups hold the quotas alone, without a note). */
function parseObject(json: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Masks AWS secrets in the texts batch, distillation and serving jobs stored before they were
 * redacted on the way in (issue 17, as 0070 did for runs): a job's message and collect note, a
 * distillation's failure message and last error, a serving's message, and the Service Quotas
 * note kept in `batch_experiments.quotas_json` (masked inside the JSON, so the column still
 * parses). A SignatureDoesNotMatch answer to a create or a poll quotes the canonical request,
 * session token included. Rows without a secret are left untouched. secure_delete makes SQLite
 * overwrite the old text in the pages it frees; the pre-migration backup (0600) still holds it.
 */
export const migration0112: Migration = {
  version: 112,
  name: 'redact-control-plane-errors',
  up(db) {
    db.pragma('secure_delete = ON');
    db.function('distill_redact', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? redactSecrets(text) : text,
    );
    for (const [table, column] of TEXT_COLUMNS) {
      db.exec(`UPDATE ${table} SET ${column} = distill_redact(${column})
        WHERE ${column} IS NOT NULL AND ${column} != distill_redact(${column})`);
    }
    const setups = db
      .prepare('SELECT experiment_id AS id, quotas_json AS json FROM batch_experiments')
      .all() as { id: string; json: string }[];
    const update = db.prepare(
      'UPDATE batch_experiments SET quotas_json = ? WHERE experiment_id = ?',
    );
    for (const s of setups) {
      const quotas = parseObject(s.json);
      if (typeof quotas?.quotaNote !== 'string') continue;
      const note = redactSecrets(quotas.quotaNote);
      if (note !== quotas.quotaNote)
        update.run(JSON.stringify({ ...quotas, quotaNote: note }), s.id);
    }
  },
};
