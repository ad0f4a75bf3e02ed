import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import type { AppCore } from '../core/startCore';
import { dispatch } from './dispatch';

/**
 * What a transport (Electron IPC, the browser host) talks to: one call per channel and the
 * event stream. A running core is one; recovery mode (appService.ts) is another.
 */
export interface CallTarget {
  call(channel: string, rawInput: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const coreTarget = (core: AppCore): CallTarget => ({
  call: (channel, rawInput) => dispatch(core.ctx, channel, rawInput),
  onEvent: (listener) => core.onEvent(listener),
});
