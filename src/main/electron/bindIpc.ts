import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { CallTarget } from '../service/callTarget';
import { bindChannels, type IpcMainLike } from './ipcGuard';

/** Binds every contract channel to ipcMain; calls from any frame but the app's own are refused. */
export function bindIpc(
  ipcMain: IpcMainLike,
  target: CallTarget,
  appWindow: () => { send(channel: string, payload: unknown): void } | null,
  isAppUrl: (url: string) => boolean,
): void {
  bindChannels(ipcMain, target, appWindow, isAppUrl);
  target.onEvent((e) => appWindow()?.send(EVENT_CHANNEL, e));
}
