import type { ErrorCode } from '../../shared/ipc/result';

/** A failure the user can understand and act on; the binder turns it into a Result error. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export const notFound = (what: string): AppFailure =>
  new AppFailure(
    'not_found',
    `${what} no longer exists. It may have been deleted in another window.`,
  );
