/** The envelope every IPC channel answers with; errors are values, never thrown across IPC. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'import_rejected'
  | 'storage'
  | 'disk_full'
  | 'credentials'
  | 'keychain_unavailable'
  | 'aws'
  | 'cancelled'
  | 'needs_confirmation'
  /** Batch refused because a model has fewer records than a job's minimum: on demand is the way. */
  | 'below_batch_minimum'
  /** The app started in recovery mode: only the recovery channels work. */
  | 'recovery'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
