import { redactSecrets } from '../../../shared/security/redactSecrets';
import type { Migration } from '../migration';

/**
 * Masks AWS secrets in error texts stored before they were redacted on the way in (issue 17: a
 * SignatureDoesNotMatch message quoted the session token into runs.error_message). secure_delete
 * makes SQLite overwrite the old text in the pages it frees instead of leaving it there.
 * The pre-migration backup beside the database still holds the old text; it is 0600.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'redact-stored-errors',
  up(db) {
    db.pragma('secure_delete = ON');
    db.function('distill_redact', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? redactSecrets(text) : text,
    );
    db.exec(`
      UPDATE runs SET error_message = distill_redact(error_message)
        WHERE error_message IS NOT NULL AND error_message != distill_redact(error_message);
      UPDATE experiments SET status_reason = distill_redact(status_reason)
        WHERE status_reason IS NOT NULL AND status_reason != distill_redact(status_reason);
      UPDATE judge_calls SET problem = distill_redact(problem)
        WHERE problem IS NOT NULL AND problem != distill_redact(problem);
    `);
  },
};
