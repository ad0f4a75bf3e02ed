/**
 * The batch stand-ins (S3 and the control plane) as a child process, bundled on the fly with
 * esbuild into .tmp inside the repository so that s3rver and the SDK resolve from node_modules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ControlCall } from './batchStandIn';

export interface BatchStandInProcess {
  s3Url: string;
  bedrockUrl: string;
  child: ChildProcess;
  /** The control-plane requests the stand-in answered so far. */
  calls(): Promise<ControlCall[]>;
  stop(): Promise<void>;
}

export async function startBatchStandInProcess(
  root: string,
  env: Record<string, string> = {},
): Promise<BatchStandInProcess> {
  const outDir = join(root, '.tmp', 'batch-stand-in');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'batch-stand-in.cjs');
  await build({
    entryPoints: [join(root, 'test/support/batchStandInMain.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  const child = spawn(process.execPath, [outfile], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<{ s3Url: string; bedrockUrl: string }>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const s3 = /S3_URL=(\S+)/.exec(seen)?.[1];
      const bedrock = /BEDROCK_URL=(\S+)/.exec(seen)?.[1];
      if (s3 && bedrock) resolve({ s3Url: s3, bedrockUrl: bedrock });
    });
    child.once('exit', (code) => reject(new Error(`batch stand-ins exited with ${code}`)));
  });
  return {
    ...urls,
    child,
    calls: async () =>
      (await (await fetch(`${urls.bedrockUrl}/__stand-in/calls`)).json()) as ControlCall[],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
