/**
 * Stand-ins for the Electron APIs the shell uses (src/main/electron/shell.ts), recording what
 * the shell does with them and letting a test fire the events Electron would: the window's
 * construction options, the URLs it loads, the handlers set on the session, the protocol and
 * ipcMain. Like Electron, creating a window fires the app's 'web-contents-created'.
 */
import type { BrowserWindowConstructorOptions, SaveDialogOptions } from 'electron';
import type { ElectronApis } from '../../src/main/electron/shell';
import type { InvokeEventLike } from '../../src/main/electron/ipcGuard';

type Listener = (...args: never[]) => unknown;

/** Listeners by event name, and a way to fire one; returns whether any listener prevented it. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? [])
      (l as (...a: unknown[]) => unknown)(e, ...args);
    return prevented;
  }
}

export class FakeContents extends Emitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly sent: [string, unknown][] = [];
  readonly scripts: string[] = [];
  readonly printOptions: unknown[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return undefined;
  }
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printOptions.push(options);
    return new TextEncoder().encode('%PDF-1.7 fake');
  }
}

export interface FakeElectron {
  apis: ElectronApis;
  /** Every call the shell made, in order, by name ('enableSandbox', 'loadURL app://…', …). */
  calls: string[];
  app: Emitter & { ready(): void; quits: number };
  windows: FakeWindow[];
  privileged: { scheme: string; privileges: object }[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  session: Emitter & {
    request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null;
    check: ((c: unknown, p: string) => boolean) | null;
  };
  opened: string[];
  ipc: Map<string, (event: InvokeEventLike, input: unknown) => unknown>;
}

export interface FakeWindow {
  options: BrowserWindowConstructorOptions;
  webContents: FakeContents;
  loaded: string[];
  shown: boolean;
  destroyed: boolean;
  fire(event: string): void;
}

export interface FakeDownload {
  dialog: SaveDialogOptions | null;
}

export function fakeElectron(userData: string): FakeElectron {
  const calls: string[] = [];
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const app = Object.assign(new Emitter(), {
    quits: 0,
    ready: () => markReady(),
    enableSandbox: () => calls.push('enableSandbox'),
    getPath: () => userData,
    whenReady: () => ready,
    quit: () => {
      calls.push('quit');
      app.quits += 1;
    },
  });
  const windows: FakeWindow[] = [];
  class BrowserWindow implements FakeWindow {
    webContents = new FakeContents();
    loaded: string[] = [];
    shown = false;
    destroyed = false;
    private events = new Emitter();
    constructor(readonly options: BrowserWindowConstructorOptions) {
      calls.push('new BrowserWindow');
      windows.push(this);
      app.fire('web-contents-created', this.webContents);
    }
    // The shell calls once('ready-to-show'); fire() runs what it registered.
    once(event: string, listener: Listener): this {
      this.events.on(event, listener);
      return this;
    }
    fire(event: string): void {
      this.events.fire(event);
    }
    show(): void {
      this.shown = true;
    }
    async loadURL(url: string): Promise<void> {
      calls.push(`loadURL ${url}`);
      this.loaded.push(url);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  const privileged: FakeElectron['privileged'] = [];
  const protocolHandlers: FakeElectron['protocolHandlers'] = new Map();
  const session = Object.assign(new Emitter(), {
    request: null as FakeElectron['session']['request'],
    check: null as FakeElectron['session']['check'],
    setPermissionRequestHandler(h: NonNullable<FakeElectron['session']['request']>) {
      session.request = h;
    },
    setPermissionCheckHandler(h: NonNullable<FakeElectron['session']['check']>) {
      session.check = h;
    },
  });
  const opened: string[] = [];
  const ipc: FakeElectron['ipc'] = new Map();
  const apis = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: FakeElectron['privileged']) => {
        calls.push('registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: InvokeEventLike, input: unknown) => unknown) => {
        ipc.set(channel, listener);
      },
    },
  } satisfies ElectronApis;
  return { apis, calls, app, windows, privileged, protocolHandlers, session, opened, ipc };
}
