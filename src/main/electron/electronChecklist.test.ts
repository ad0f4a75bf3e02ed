/**
 * Electron's security checklist (electronjs.org, tutorial "Security"), one test per item that
 * applies to this app. Electron cannot start here, so each item is checked on the part that
 * decides it: the window options, the CSP, the pure guards the shell attaches, the built
 * preload run in a VM with a fake `electron`, and, for the few lines only the shell can hold,
 * the shell's source (kept small enough that reading it is the review).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';
import { windowOptions } from './window';
import { makeTempDir } from '../../../test/support/tempDir';
import { APP_SCHEME_PRIVILEGES, appPageUrl, appProtocolResponse } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from '../pages/csp';
import { guardContents, guardSession, type ContentsLike } from './contentsGuards';
import { isAllowedExternal, isAllowedNavigation } from './navigation';

const ROOT = join(__dirname, '..', '..', '..');
const shellSource = readFileSync(join(ROOT, 'src/main/electron/main.ts'), 'utf8');
const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences ?? {};
const APP_URL = 'app://distill-roi/index.html';
const pdfSource = readFileSync(join(ROOT, 'src/main/electron/electronPdf.ts'), 'utf8');

/** A web contents that records what the shell attaches, and lets a test fire its events. */
function fakeContents() {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: ContentsLike = {
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as never]);
    },
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const opened: string[] = [];
  guardContents(contents, APP_URL, (url) => opened.push(url));
  const fire = (event: string, ...args: unknown[]) => {
    const preventDefault = vi.fn();
    for (const l of listeners.get(event) ?? []) l({ preventDefault }, ...args);
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => openHandler?.({ url });
  return { fire, open, opened, listeners };
}

describe('Electron security checklist', () => {
  it('1. loads only its own local page, never remote content', () => {
    expect(shellSource).toMatch(/const appUrl = appPageUrl\('index\.html'\)/);
    expect(appPageUrl('index.html')).toBe(APP_URL);
    expect(shellSource.match(/loadURL\(/g)).toHaveLength(1);
    expect(shellSource).toMatch(/loadURL\(appUrl\)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
  });

  it('2. no Node.js integration in the renderer, its workers or frames', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation is on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed, and so is every other renderer', () => {
    expect(prefs.sandbox).toBe(true);
    expect(shellSource).toMatch(/app\.enableSandbox\(\)/);
  });

  it('5. every permission request and check from web content is denied', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((c: unknown, p: string) => boolean) | null = null;
    guardSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const answer = vi.fn();
      (request as unknown as (c: unknown, p: string, cb: (g: boolean) => void) => void)(
        null,
        permission,
        answer,
      );
      expect(answer).toHaveBeenCalledWith(false);
      expect((check as unknown as (c: unknown, p: string) => boolean)(null, permission)).toBe(
        false,
      );
    }
    expect(shellSource).toMatch(/guardSession\(session\.defaultSession\)/);
  });

  it('6. web security stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a Content-Security-Policy forbids inline, evaluated and foreign script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|data:.*script|http:|https:/);
  });

  it('8. insecure content is never run', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features stay off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. no Blink features are enabled', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(shellSource).not.toMatch(/enableBlinkFeatures|appendSwitch/);
  });

  it('11. <webview> is disabled, so allowpopups cannot apply', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('12. any <webview> that tries to attach is refused', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', {}, { src: 'https://evil.example' })).toBe(true);
  });

  it('13. navigation stays on the app page (links, redirects)', () => {
    const { fire } = fakeContents();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://evil.example/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'javascript:alert(1)')).toBe(true);
      expect(fire(event, `${APP_URL}#results`)).toBe(false);
    }
    expect(isAllowedNavigation('app://x/', 'app://y/')).toBe(false);
  });

  it('14. no new window is ever created', () => {
    const { open } = fakeContents();
    for (const url of [
      'https://aws.amazon.com/bedrock/',
      'https://evil.example',
      APP_URL,
      'about:blank',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
  });

  it('15. only allow-listed https links reach shell.openExternal', () => {
    const { open, opened } = fakeContents();
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
    tried.forEach((url) => open(url));
    expect(opened).toEqual([
      'https://aws.amazon.com/bedrock/pricing/',
      'https://us-east-1.console.aws.amazon.com/bedrock/home',
    ]);
    expect(tried.filter(isAllowedExternal)).toEqual(opened);
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

  it('17. IPC calls are checked for their sender (see electron/ipcGuard.test.ts)', () => {
    expect(shellSource).toMatch(/bindIpc\(/);
    const binder = readFileSync(join(ROOT, 'src/main/electron/bindIpc.ts'), 'utf8');
    expect(binder).toMatch(/bindChannels\(ipcMain, target, appWindow, isAppUrl\)/);
    expect(binder).not.toMatch(/ipcMain\.(on|handle)\(/);
  });

  it('18. the pages come from a custom app:// protocol, never file://', async () => {
    expect(shellSource).toMatch(
      /protocol\.registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES \}\]\)/,
    );
    expect(shellSource).toMatch(
      /protocol\.handle\(APP_SCHEME, \(request\) => appProtocolResponse\(request, rendererDir\)\)/,
    );
    expect(pdfSource).toMatch(/loadURL\(appPageUrl\(REPORT_PAGE\)\)/);
    for (const source of [shellSource, pdfSource]) {
      expect(source).not.toMatch(/file:|loadFile\(/);
    }
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');

    // What the handler answers, on a built renderer folder with a secret beside it.
    const t = makeTempDir();
    try {
      const dir = join(t.dir, 'renderer');
      mkdirSync(join(dir, 'assets'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Distill ROI</title>');
      writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
      writeFileSync(join(t.dir, 'secret.txt'), 'not for the page');
      const get = (url: string, method = 'GET') => appProtocolResponse({ url, method }, dir);

      const page = await get(APP_URL);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Distill ROI</title>');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const script = await get('app://distill-roi/assets/app.js');
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
        const answer = await get(url);
        expect(answer.status, url).toBe(404);
        expect(await answer.text(), url).not.toContain('not for the page');
      }
      expect((await get(APP_URL, 'POST')).status).toBe(404);
    } finally {
      t.cleanup();
    }
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
});
