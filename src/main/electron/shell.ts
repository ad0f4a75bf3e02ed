/**
 * The Electron shell: lifecycle, one window, the app:// protocol, the guards and the IPC binding.
 * It is handed the Electron APIs it uses (main.ts passes the real ones) instead of importing
 * them, so that electronChecklist.test.ts runs it under plain Node against fakes and checks every
 * item of Electron's security checklist on what the shell actually does.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { logError } from '../log';
import { findRendererDir } from '../pages/rendererDir';
import { resolveDataDir } from '../paths/dataDir';
import { startApp } from '../service/appService';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appPageUrl, appProtocolResponse } from './appProtocol';
import { bindIpc } from './bindIpc';
import { guardContents, guardSession, type ContentsLike, type SessionLike } from './contentsGuards';
import {
  askWhereToSaveDownloads,
  createElectronPdfPrinter,
  type DownloadSession,
  type PrintWindow,
} from './electronPdf';
import type { IpcMainLike } from './ipcGuard';
import { isAllowedNavigation } from './navigation';
import { windowOptions } from './window';

/** What the shell does with a window's web contents: guard it, send it events. */
export interface ShellContents extends ContentsLike {
  send(channel: string, payload: unknown): void;
}

export interface ShellWindow {
  readonly webContents: ShellContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<unknown>;
}

export interface PreventableLike {
  preventDefault(): void;
}

/** The parts of Electron the shell uses. */
export interface ElectronApis {
  app: {
    enableSandbox(): void;
    getPath(name: 'userData'): string;
    whenReady(): Promise<unknown>;
    quit(): void;
    on(
      event: 'web-contents-created',
      listener: (e: unknown, contents: ContentsLike) => void,
    ): unknown;
    on(event: 'before-quit', listener: (e: PreventableLike) => void): unknown;
    on(event: 'window-all-closed', listener: () => void): unknown;
  };
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow & PrintWindow;
  protocol: {
    registerSchemesAsPrivileged(
      schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[],
    ): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { defaultSession: SessionLike & DownloadSession };
  shell: { openExternal(url: string): Promise<unknown> };
  ipcMain: IpcMainLike;
}

export interface ShellOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The built preload next to the built main (out/preload/index.cjs). */
  preloadPath: string;
  /** The built renderer; found beside the build unless a test passes its own. */
  rendererDir?: string;
  /** How the app starts; a test passes one with an in-memory keychain. */
  start?: typeof startApp;
}

export const APP_URL = appPageUrl('index.html');

/** Wires the app into Electron; resolves once the window has loaded (or startup failed). */
export function runShell(electron: ElectronApis, opts: ShellOptions): Promise<void> {
  const { app, protocol, session, shell, ipcMain } = electron;
  let win: ShellWindow | null = null;

  async function start(): Promise<void> {
    const dataDir = resolveDataDir(opts.argv, opts.env, app.getPath('userData'));
    // A damaged data file opens recovery mode (the window shows the recovery screen), not a crash.
    // better-sqlite3 is a Node-API addon: the binary Node loads is the one Electron loads.
    const core = await (opts.start ?? startApp)({
      dataDir,
      transport: 'electron',
      pdf: createElectronPdfPrinter(electron.BrowserWindow),
    });
    const rendererDir = opts.rendererDir ?? findRendererDir();
    protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, rendererDir));
    guardSession(session.defaultSession);
    askWhereToSaveDownloads(session.defaultSession);
    win = new electron.BrowserWindow(windowOptions(opts.preloadPath));
    bindIpc(
      ipcMain,
      core,
      () => win?.webContents ?? null,
      (url) => isAllowedNavigation(url, APP_URL),
    );
    win.once('ready-to-show', () => win?.show());
    await win.loadURL(APP_URL);
    let closing = false;
    app.on('before-quit', (e) => {
      if (closing) return;
      // Let the runner stop its calls and leave experiments resumable before the store closes.
      closing = true;
      e.preventDefault();
      void core.close().finally(() => app.quit());
    });
  }

  app.enableSandbox();
  // Must happen before the app is ready; the handler itself is set in start().
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  // Every web contents, the window's and any other, gets the same navigation and window rules.
  app.on('web-contents-created', (_e, contents) => {
    guardContents(contents, APP_URL, (url) => void shell.openExternal(url));
  });
  app.on('window-all-closed', () => app.quit());
  return app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      logError('Distill ROI could not start', e);
      app.quit();
    });
}
