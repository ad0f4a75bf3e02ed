import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { CallTarget } from '../service/callTarget';
import { bindChannels } from './ipcGuard';

/** Binds every contract channel to ipcMain; calls from any frame but the app's own are refused. */
export function bindIpc(
  target: CallTarget,
  appWindow: () => WebContents | null,
  isAppUrl: (url: string) => boolean,
) {
  bindChannels(ipcMain, target, appWindow, isAppUrl);
  target.onEvent((e) => appWindow()?.send(EVENT_CHANNEL, e));
}
