import { AppFailure } from '../common/failure';

/**
 * The recovery channels while the data file is healthy. In recovery mode service/appService.ts
 * answers them itself, since there is no store to hand a handler.
 */
const nothingToRecover = (): never => {
  throw new AppFailure('conflict', 'The data file is healthy: there is nothing to recover.');
};

export const recoveryHandlers = {
  getStartupState: () => ({ mode: 'ready' as const }),
  restoreBackup: nothingToRecover,
  startFresh: nothingToRecover,
};
