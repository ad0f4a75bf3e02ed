/**
 * The Bedrock stand-in as a child process (benchmarks, end-to-end tests), so that its CPU time
 * is not counted as the app's: bundled on the fly with esbuild (a dev dependency), scripted over
 * its control endpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { RecordedRequest } from './standInTypes';

export interface StandInProcess {
  url: string;
  child: ChildProcess;
  control(path: string, body: unknown): Promise<void>;
  /** Every model call the stand-in has answered, in order. */
  requests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

/** Bundles the stand-in once (Node strips types but not extensionless imports); returns the file. */
export async function buildStandIn(root: string): Promise<string> {
  const outDir = join(root, '.tmp', 'stand-in');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'stand-in.cjs');
  await build({
    entryPoints: [join(root, 'test/support/standInMain.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

export async function startStandInProcess(root: string): Promise<StandInProcess> {
  return spawnStandIn(await buildStandIn(root));
}

/** Starts a fresh stand-in from a bundle `buildStandIn` wrote: no scripts, no requests seen. */
export async function spawnStandIn(outfile: string): Promise<StandInProcess> {
  const child = spawn(process.execPath, [outfile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /STAND_IN_URL=(\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  return {
    url,
    child,
    control: async (path, body) => {
      const res = await fetch(`${url}/__stand-in/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`stand-in control ${path}: ${res.status} ${await res.text()}`);
    },
    requests: async () =>
      (await (await fetch(`${url}/__stand-in/requests`)).json()) as RecordedRequest[],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
