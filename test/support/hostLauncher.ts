import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface LaunchedHost {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/** Starts the built browser host (`out/node/host.cjs`) on a data folder and waits for its URL. */
export function launchHost(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<LaunchedHost> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out', 'node', 'host.cjs'), '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let errText = '';
    const timer = setTimeout(
      () => reject(new Error(`host did not start: ${out}${errText}`)),
      15_000,
    );
    child.stderr?.on('data', (c: Buffer) => (errText += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      const origin = match[1];
      const token = match[2];
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${errText}`));
    });
  });
}

/**
 * Environment that points a launched host at a Bedrock stand-in: the SDK honours the endpoint
 * variable, and fake keys reach it through the default credential chain.
 */
export const standInEnv = (standInUrl: string): NodeJS.ProcessEnv => ({
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: standInUrl,
  AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
  AWS_SECRET_ACCESS_KEY: 'e2e-secret-not-real',
  AWS_PROFILE: '',
});
