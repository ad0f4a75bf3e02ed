/**
 * The headless CLI as a child process, for tests that must kill it or read its exit code:
 * bundled once per test process with esbuild (like scripts/build-node.mjs does) into .tmp
 * inside the repository, so that its external packages resolve from node_modules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { processExists } from '../../src/main/runner/leaseKeeper';

const ROOT = resolve(__dirname, '../..');
const OUT_DIR = join(ROOT, '.tmp', 'cli-test');
const OUT_FILE = join(OUT_DIR, `cli-${process.pid}.cjs`);
let built: Promise<string> | undefined;

/**
 * Test workers may be ended without running their exit hooks, so each build also removes the
 * bundles of test processes that no longer exist.
 */
function removeOrphans(): void {
  for (const name of readdirSync(OUT_DIR)) {
    const pid = Number(/^cli-(\d+)\.cjs$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processExists(pid))
      rmSync(join(OUT_DIR, name), { force: true });
  }
}

/** Removes this test process's bundle (call from afterAll). */
export function removeCliBuild(): void {
  rmSync(OUT_FILE, { force: true });
  built = undefined;
}

export function buildCli(): Promise<string> {
  built ??= (async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    removeOrphans();
    await build({
      entryPoints: [join(ROOT, 'src/main/cli/main.ts')],
      outfile: OUT_FILE,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
    });
    return OUT_FILE;
  })();
  return built;
}

export interface CliRun {
  child: ChildProcess;
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** Starts `node cli.cjs ...args` with test credentials and no ambient AWS configuration. */
export async function startCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const cli = await buildCli();
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'AKIDCLITEST',
      AWS_SECRET_ACCESS_KEY: 'cli-test-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return { child, exited };
}
