import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../shared/ipc/channels';

/**
 * Exposes one function per contract channel and one event subscription; nothing generic, so a
 * compromised page cannot reach any other ipcMain channel.
 */
const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + channel, input);
}
api.onEvent = (listener: (event: unknown) => void) => {
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
};
contextBridge.exposeInMainWorld('api', Object.freeze(api));
