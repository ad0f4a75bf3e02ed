/**
 * Electron's security checklist (electronjs.org, tutorial "Security"), one test per item that
 * applies to this app. Electron cannot start here, so the shell (shell.ts) runs against fake
 * Electron APIs (test/support/fakeElectron.ts) with the real app behind it (a real data folder,
 * the real dispatcher): each test checks what the shell did to the window, the session, the
 * protocol and ipcMain, so a setting or call left out fails a test. The built preload runs in a
 * VM with a fake `electron`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';
import {
  fakeElectron,
  type FakeElectron,
  type FakeWindow,
} from '../../../test/support/fakeElectron';
import { makeTempDir } from '../../../test/support/tempDir';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { CONTENT_SECURITY_POLICY } from '../pages/csp';
import { startApp, type AppService } from '../service/appService';
import type { PdfPrinter } from '../export/pdfPrinter';
import { electronPrintOptions, pdfLayout } from '../export/pdfLayout';
import { buildReport } from '../../shared/report';
import { testReportInput } from '../../shared/report/testing/reportInput';
import { APP_URL, runShell } from './shell';
import { isAllowedExternal, isAllowedNavigation } from './navigation';
import { REFUSED_SENDER } from './ipcGuard';

const ROOT = join(__dirname, '..', '..', '..');
const PRELOAD = '/app/out/preload/index.cjs';
const temp = makeTempDir('distill-electron-shell-');
const rendererDir = join(temp.dir, 'renderer');

let electron: FakeElectron;
let service: AppService;
let pdf: PdfPrinter | undefined;
/** What happened before the app was ready (Electron allows some calls only then). */
let callsBeforeReady: string[];
let win: FakeWindow;

beforeAll(async () => {
  // A built renderer folder, with a file beside it that the page must never be able to read.
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Distill ROI</title>');
  writeFileSync(join(rendererDir, 'report.html'), '<!doctype html><title>Report</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'not for the page');
  electron = fakeElectron(join(temp.dir, 'userData'));
  const started = runShell(electron.apis, {
    argv: ['electron', '.'],
    env: {},
    preloadPath: PRELOAD,
    rendererDir,
    start: async (opts) => {
      pdf = opts.pdf;
      service = await startApp({ ...opts, secrets: createMemorySecretStore() });
      return service;
    },
  });
  callsBeforeReady = [...electron.calls];
  electron.app.ready();
  await started;
  // The shell quits when it cannot start; it must have started.
  expect(electron.calls).not.toContain('quit');
  expect(electron.windows).toHaveLength(1);
  win = electron.windows[0] as FakeWindow;
});

afterAll(async () => {
  await service?.close();
  temp.cleanup();
});

const prefs = () => win.options.webPreferences ?? {};

/** Fires an event on the main window's web contents; true when the shell prevented it. */
const fire = (event: string, ...args: unknown[]) => win.webContents.fire(event, ...args);
const openWindow = (url: string) => win.webContents.openHandler?.({ url });
const appRequest = (url: string, method = 'GET') => {
  const handler = electron.protocolHandlers.get('app');
  if (!handler) throw new Error('no app:// handler');
  return handler({ url, method } as Request);
};

describe('Electron security checklist', () => {
  it('1. loads only its own local page, never remote content', () => {
    expect(APP_URL).toBe('app://distill-roi/index.html');
    expect(win.loaded).toEqual([APP_URL]);
    expect(electron.calls.filter((c) => c.startsWith('loadURL'))).toEqual([`loadURL ${APP_URL}`]);
  });

  it('2. no Node.js integration in the renderer, its workers or frames', () => {
    expect(prefs()).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
    expect(prefs().preload).toBe(PRELOAD);
  });

  it('3. context isolation is on', () => {
    expect(prefs().contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed, and so is every other renderer (before the app is ready)', () => {
    expect(prefs().sandbox).toBe(true);
    expect(callsBeforeReady).toContain('enableSandbox');
  });

  it('5. every permission request and check from web content is denied', () => {
    const { request, check } = electron.session;
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const answer = vi.fn();
      request?.(win.webContents, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(check?.(win.webContents, permission)).toBe(false);
    }
  });

  it('6. web security stays on', () => {
    expect(prefs().webSecurity).toBe(true);
  });

  it('7. a Content-Security-Policy forbids inline, evaluated and foreign script', async () => {
    const page = await appRequest(APP_URL);
    const header = page.headers.get('content-security-policy') ?? '';
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(
      header.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(header).not.toMatch(/unsafe-|\*|data:.*script|http:|https:/);
  });

  it('8. insecure content is never run', () => {
    expect(prefs().allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features stay off', () => {
    expect(prefs().experimentalFeatures).toBe(false);
  });

  it('10. no Blink features are enabled', () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
  });

  it('11. <webview> is disabled, so allowpopups cannot apply', () => {
    expect(prefs().webviewTag).toBe(false);
  });

  it('12. any <webview> that tries to attach is refused, in any web contents', () => {
    expect(fire('will-attach-webview', {}, { src: 'https://evil.example' })).toBe(true);
  });

  it('13. navigation stays on the app page (links, redirects)', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://evil.example/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'javascript:alert(1)')).toBe(true);
      expect(fire(event, 'app://distill-roi/report.html')).toBe(true);
      expect(fire(event, `${APP_URL}#results`)).toBe(false);
    }
    expect(isAllowedNavigation('app://x/', 'app://y/')).toBe(false);
  });

  it('14. no new window is ever created', () => {
    for (const url of [
      'https://aws.amazon.com/bedrock/',
      'https://evil.example',
      APP_URL,
      'about:blank',
    ]) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(electron.windows).toHaveLength(1);
  });

  it('15. only allow-listed https links reach shell.openExternal', () => {
    const tried = [
      'https://aws.amazon.com/bedrock/pricing/',
      'https://us-east-1.console.aws.amazon.com/bedrock/home',
      'https://evil.example/',
      'https://aws.amazon.com.evil.example/',
      'http://aws.amazon.com/',
      'https://user:pw@aws.amazon.com/',
      'https://aws.amazon.com:8443/',
      'file:///etc/passwd',
      'smb://share/x',
      'javascript:alert(1)',
      'ms-msdt:/id',
    ];
    const before = electron.opened.length;
    tried.forEach((url) => openWindow(url));
    expect(electron.opened.slice(before)).toEqual([
      'https://aws.amazon.com/bedrock/pricing/',
      'https://us-east-1.console.aws.amazon.com/bedrock/home',
    ]);
    expect(tried.filter(isAllowedExternal)).toEqual(electron.opened.slice(before));
  });

  it('16. ships the Electron version package.json pins, and only that one', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const installed = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as { version: string };
    // An exact pin (no range), so the app ships the Chromium it was tested with; upgrading is a
    // one-line change of package.json, read here rather than a floor written into the test.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.devDependencies.electron);
  });

  it('17. IPC calls are answered only for the app window, top frame, app page', async () => {
    expect([...electron.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    const call = (event: object) =>
      electron.ipc.get(`${IPC_PREFIX}listDatasets`)?.(
        { sender: win.webContents, senderFrame: { url: APP_URL, parent: null }, ...event },
        {},
      );
    expect(await call({})).toEqual({ ok: true, value: [] });
    const refused = { ok: false, error: { code: 'credentials', message: REFUSED_SENDER } };
    expect(await call({ sender: {} })).toEqual(refused);
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } })).toEqual(
      refused,
    );
    expect(await call({ senderFrame: { url: APP_URL, parent: {} } })).toEqual(refused);
    // Events of the core reach the window, and only the event itself.
    service.core?.ctx.emit({ type: 'datasetsChanged' });
    expect(win.webContents.sent).toContainEqual([EVENT_CHANNEL, { type: 'datasetsChanged' }]);
  });

  it('18. the pages come from a custom app:// protocol, never file://', async () => {
    expect(callsBeforeReady).toContain('registerSchemesAsPrivileged');
    expect(electron.privileged).toHaveLength(1);
    expect(electron.privileged[0]?.scheme).toBe('app');
    expect(electron.privileged[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(electron.privileged[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect([...electron.protocolHandlers.keys()]).toEqual(['app']);

    const page = await appRequest(APP_URL);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Distill ROI</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await appRequest('app://distill-roi/assets/app.js');
    expect([script.status, script.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    for (const url of [
      'app://distill-roi/../secret.txt',
      'app://distill-roi/%2e%2e/secret.txt',
      'app://distill-roi/%2e%2e%2fsecret.txt',
      'app://distill-roi/..%5csecret.txt',
      'app://distill-roi/index.html%00.js',
      'app://distill-roi/%E0%A4%A',
      'app://distill-roi/assets/',
      'app://distill-roi/missing.js',
      'app://another-host/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const answer = await appRequest(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).not.toContain('not for the page');
    }
    expect((await appRequest(APP_URL, 'POST')).status).toBe(404);
  });

  it('19. reports print in a hidden, sandboxed window on the app:// print page', async () => {
    expect(pdf).toBeDefined();
    const session = pdf?.open();
    const printer = electron.windows[1] as FakeWindow;
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    expect(printer.loaded).toEqual(['app://distill-roi/report.html']);
    const vm = buildReport(testReportInput());
    const bytes = await session?.print(vm);
    expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF/);
    expect(printer.webContents.scripts).toEqual([
      `window.distillReport.render(${JSON.stringify(vm)})`,
    ]);
    expect(printer.webContents.printOptions).toEqual([electronPrintOptions(pdfLayout(vm))]);
    await session?.close();
    expect(printer.destroyed).toBe(true);
    // Every page any window loaded came from app://, none from file://.
    const loaded = electron.windows.flatMap((w) => w.loaded);
    expect(loaded.every((url) => url.startsWith('app://distill-roi/'))).toBe(true);
  });

  it('asks where to save every download', () => {
    const item = {
      dialog: null as unknown,
      setSaveDialogOptions(o: unknown) {
        item.dialog = o;
      },
      getFilename: () => 'runs.csv',
    };
    electron.session.fire('will-download', item);
    expect(item.dialog).toEqual({ title: 'Save export', defaultPath: 'runs.csv' });
  });

  it('shows the window once it is ready, and quits when it closes', () => {
    expect(win.shown).toBe(false);
    win.fire('ready-to-show');
    expect(win.shown).toBe(true);
    const quits = electron.app.quits;
    electron.app.fire('window-all-closed');
    expect(electron.app.quits).toBe(quits + 1);
  });

  it('20. the preload exposes only the contract channels, and requires only electron', () => {
    const built = readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8');
    expect(built).not.toMatch(/^\s*import\s|^\s*export\s|import\(/m);
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => invoked.push(args),
        on: vi.fn(),
        removeListener: vi.fn(),
      },
    };
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`the preload required ${name}`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(built, { require: fakeRequire, module, exports: module.exports });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, (input: unknown) => unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    for (const channel of CHANNELS) api[channel]?.({ probe: channel });
    expect(invoked).toEqual(CHANNELS.map((c) => [IPC_PREFIX + c, { probe: c }]));
    // The event subscription hands over the payload only, never Electron's event object.
    const listener = vi.fn();
    const off = (api.onEvent as unknown as (l: (e: unknown) => void) => () => void)(listener);
    const [[channel, wrapped]] = electron.ipcRenderer.on.mock.calls as [
      [string, (e: unknown, p: unknown) => void],
    ];
    expect(channel).toBe(EVENT_CHANNEL);
    wrapped({ sender: 'ipc internals' }, { type: 'datasetsChanged' });
    expect(listener).toHaveBeenCalledWith({ type: 'datasetsChanged' });
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, wrapped);
  });

  it('quitting waits for the store to close first', async () => {
    const quits = electron.app.quits;
    const db = service.core?.ctx.db;
    expect(db?.open).toBe(true);
    expect(electron.app.fire('before-quit')).toBe(true);
    expect(electron.app.quits).toBe(quits);
    await vi.waitFor(() => expect(electron.app.quits).toBe(quits + 1));
    expect(db?.open).toBe(false);
    // The second before-quit (from app.quit()) goes through.
    expect(electron.app.fire('before-quit')).toBe(false);
  });
});
