import type { ChildProcess } from 'node:child_process';
import { launchHost, type LaunchedHost } from '../../support/hostLauncher';

/**
 * The browser host on one data folder, as a spec uses it across restarts: `url`, `origin` and
 * `token` always name the running host; `restart` (or `stop` … `start`) brings it back on the
 * same folder and environment, the way a user reopens the app.
 */
export class AppHost {
  private running: LaunchedHost | null = null;

  constructor(
    readonly dataDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private get current(): LaunchedHost {
    if (!this.running) throw new Error('the host is not running: call start() first');
    return this.running;
  }
  get url(): string {
    return this.current.url;
  }
  get origin(): string {
    return this.current.origin;
  }
  get token(): string {
    return this.current.token;
  }
  get process(): ChildProcess {
    return this.current.process;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('the host is already running');
    this.running = await launchHost(this.dataDir, this.env);
  }
  async stop(): Promise<void> {
    const host = this.running;
    this.running = null;
    await host?.stop();
  }
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
  /** Kills the host with SIGKILL, as a crash or `kill -9` would: nothing runs on the way out. */
  async kill(): Promise<void> {
    const child = this.current.process;
    this.running = null;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
