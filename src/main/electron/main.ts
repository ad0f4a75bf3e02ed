import { app, BrowserWindow, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { askWhereToSaveDownloads, createElectronPdfPrinter } from './electronPdf';
import { findRendererDir } from '../pages/rendererDir';
import { bindIpc } from './bindIpc';
import { resolveDataDir } from '../paths/dataDir';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appPageUrl, appProtocolResponse } from './appProtocol';
import { guardContents, guardSession } from './contentsGuards';
import { isAllowedNavigation } from './navigation';
import { startApp } from '../service/appService';
import { windowOptions } from './window';
import { logError } from '../log';

/** The Electron shell: lifecycle, one window, IPC binding. Everything else lives in plain-Node modules. */
let win: BrowserWindow | null = null;
const appUrl = appPageUrl('index.html');

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  // A damaged data file opens recovery mode (the window shows the recovery screen), not a crash.
  // better-sqlite3 is a Node-API addon: the binary Node loads is the one Electron loads.
  const core = await startApp({
    dataDir,
    transport: 'electron',
    pdf: createElectronPdfPrinter(),
  });
  const rendererDir = findRendererDir();
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, rendererDir));
  guardSession(session.defaultSession);
  askWhereToSaveDownloads(session.defaultSession);
  win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  bindIpc(
    core,
    () => win?.webContents ?? null,
    (url) => isAllowedNavigation(url, appUrl),
  );
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
// Must happen before the app is ready; the handler itself is set in start().
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every web contents, the window's and any other, gets the same navigation and window rules.
app.on('web-contents-created', (_e, contents) => {
  guardContents(contents, appUrl, (url) => void shell.openExternal(url));
});
app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    logError('Distill ROI could not start', e);
    app.quit();
  });
app.on('window-all-closed', () => app.quit());
