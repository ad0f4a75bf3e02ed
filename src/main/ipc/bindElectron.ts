import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';
import { err } from '../../shared/ipc/result';
import type { AppCore } from '../core';
import { dispatch } from './dispatch';

/** Binds every contract channel to ipcMain; calls from any frame but the app's own are refused. */
export function bindIpc(
  core: AppCore,
  appWindow: () => WebContents | null,
  isAppUrl: (url: string) => boolean,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.sender !== appWindow() || !isAppUrl(frameUrl)) {
        return err('credentials', 'Refused: the call did not come from the app window.');
      }
      return dispatch(core.ctx, channel, input);
    });
  }
  core.onEvent((e) => appWindow()?.send(EVENT_CHANNEL, e));
}
