/**
 * The pure part of the Electron IPC binding: which calls are accepted, checked without importing
 * electron so that it runs (and is tested) under plain Node. bindElectron.ts only hands it
 * ipcMain and the window.
 */
import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/channels';
import { err, type Result } from '../../shared/ipc/result';
import type { CallTarget } from '../service/callTarget';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame?: { url: string; parent?: unknown } | null;
}

/** The part of ipcMain the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => unknown): void;
}

export const REFUSED_SENDER = 'Refused: the call did not come from the app window.';

/**
 * A call is served only when it comes from the app's own window, from its top frame (the app
 * has no frames; an injected one must not borrow the page's rights), showing the app's page.
 */
export function isTrustedSender(
  event: InvokeEventLike,
  appContents: unknown,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (appContents === null || appContents === undefined || event.sender !== appContents) {
    return false;
  }
  if (!frame || (frame.parent !== null && frame.parent !== undefined)) return false;
  return isAppUrl(frame.url);
}

export function guardedHandler(
  target: CallTarget,
  channel: string,
  appContents: () => unknown,
  isAppUrl: (url: string) => boolean,
): (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event, appContents(), isAppUrl)) return err('credentials', REFUSED_SENDER);
    return target.call(channel, input);
  };
}

/** Registers one handler per contract channel (and nothing else) under the app's prefix. */
export function bindChannels(
  ipc: IpcMainLike,
  target: CallTarget,
  appContents: () => unknown,
  isAppUrl: (url: string) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipc.handle(IPC_PREFIX + channel, guardedHandler(target, channel, appContents, isAppUrl));
  }
}
