import { app, BrowserWindow, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startCore } from './core';
import { bindIpc } from './ipc/bindElectron';
import { resolveDataDir } from './paths/dataDir';
import { isAllowedExternal, isAllowedNavigation } from './security/navigation';
import { windowOptions } from './window';
import { logError } from './log';

/** The Electron shell: lifecycle, one window, IPC binding. Everything else lives in plain-Node modules. */
let win: BrowserWindow | null = null;

/** better-sqlite3 built for Electron's ABI lives apart from the Node build that tests use. */
function electronSqliteBinding(): string | undefined {
  const base = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  const file = join(base, 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  const binding = electronSqliteBinding();
  const core = await startCore({
    dataDir,
    transport: 'electron',
    ...(binding ? { nativeBinding: binding } : {}),
  });
  const appUrl = 'file://' + join(__dirname, '../renderer/index.html');
  win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  bindIpc(
    core,
    () => win?.webContents ?? null,
    (url) => isAllowedNavigation(url, appUrl),
  );
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(appUrl);
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
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    logError('Distill ROI could not start', e);
    app.quit();
  });
app.on('window-all-closed', () => app.quit());
