/**
 * The Electron binding's sender check, with a fake ipcMain and fake events: only the app's
 * own window, top frame, on the app's page, reaches dispatch; every contract channel and no
 * other is registered.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/channels';
import { ok } from '../../shared/ipc/result';
import type { CallTarget } from '../service/callTarget';
import { bindChannels, REFUSED_SENDER, type InvokeEventLike } from './ipcGuard';

const APP_URL = 'file:///opt/app/out/renderer/index.html';
const isAppUrl = (url: string) => url === APP_URL || url.startsWith(`${APP_URL}#`);

function bound() {
  const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => unknown>();
  const calls: { channel: string; input: unknown }[] = [];
  const target: CallTarget = {
    call: async (channel, input) => {
      calls.push({ channel, input });
      return ok('served');
    },
    onEvent: () => () => {},
  };
  const appWindow = { id: 'app window' };
  bindChannels({ handle: (name, fn) => handlers.set(name, fn) }, target, () => appWindow, isAppUrl);
  const invoke = (channel: string, event: InvokeEventLike, input: unknown = {}) => {
    const fn = handlers.get(IPC_PREFIX + channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    return fn(event, input) as Promise<unknown>;
  };
  return { handlers, calls, appWindow, invoke };
}

describe('Electron IPC binding', () => {
  it('registers exactly the contract channels, under the app prefix', () => {
    const { handlers } = bound();
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
  });

  it('serves the app window', async () => {
    const { invoke, appWindow, calls } = bound();
    const event = { sender: appWindow, senderFrame: { url: APP_URL, parent: null } };
    expect(await invoke('listDatasets', event, { x: 1 })).toEqual(ok('served'));
    expect(calls).toEqual([{ channel: 'listDatasets', input: { x: 1 } }]);
  });

  it.each([
    [
      'another web contents',
      { sender: { id: 'other' }, senderFrame: { url: APP_URL, parent: null } },
    ],
    ['a sub-frame of the app window', 'subframe'],
    ['a foreign page in the app window', 'foreign'],
    ['no sender frame (a destroyed frame)', 'noframe'],
  ])('refuses %s and never dispatches', async (_name, kind) => {
    const { invoke, appWindow, calls } = bound();
    const event: InvokeEventLike =
      kind === 'subframe'
        ? { sender: appWindow, senderFrame: { url: APP_URL, parent: { url: APP_URL } } }
        : kind === 'foreign'
          ? { sender: appWindow, senderFrame: { url: 'https://evil.example/', parent: null } }
          : kind === 'noframe'
            ? { sender: appWindow, senderFrame: null }
            : (kind as InvokeEventLike);
    expect(await invoke('deleteDataset', event, { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'credentials', message: REFUSED_SENDER },
    });
    expect(calls).toEqual([]);
  });

  it('refuses everything once the window is gone', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => unknown>();
    const target: CallTarget = { call: async () => ok(1), onEvent: () => () => {} };
    bindChannels({ handle: (n, fn) => handlers.set(n, fn) }, target, () => null, isAppUrl);
    const fn = handlers.get(`${IPC_PREFIX}getAppInfo`);
    const r = await (fn?.(
      { sender: null, senderFrame: { url: APP_URL, parent: null } },
      {},
    ) as Promise<unknown>);
    expect(r).toMatchObject({ ok: false, error: { code: 'credentials' } });
  });
});
