/**
 * Every entry point answers `--help`: usage on stdout, exit 0, and nothing started or created.
 * The browser host and the benchmarks are the bundles `npm run build` writes to out/node (npm test
 * builds before the unit tests); the CLI is bundled by cliProcess; the scripts run as they are.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeCliBuild, startCli } from '../support/cliProcess';
import { makeTempDir } from '../support/tempDir';

const ROOT = resolve(__dirname, '../..');
const OUT_NODE = join(ROOT, 'out', 'node');

afterAll(removeCliBuild);

/**
 * Runs `test` with a folder path that does not exist yet (a command that started anything
 * would make it), removed afterwards; each test owns its folder, so tests may run at once.
 */
async function withUnusedDir(test: (dir: string) => Promise<void>): Promise<void> {
  const t = makeTempDir();
  try {
    await test(join(t.dir, 'unused'));
  } finally {
    t.cleanup();
  }
}

function runNode(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [file, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent/distill-roi-home', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

function built(name: string): string {
  const file = join(OUT_NODE, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return file;
}

describe('--help', () => {
  it.concurrent.each(['--help', '-h'])(
    'the browser host prints its options for %s and starts no host',
    (flag) =>
      withUnusedDir(async (dataDir) => {
        const r = await runNode(built('host.cjs'), [flag, '--data-dir', dataDir], {
          DISTILL_ROI_PORT: '1',
        });
        expect(r).toMatchObject({ code: 0, stderr: '' });
        expect(r.stdout).toMatch(/^Usage: node out\/node\/host\.cjs/);
        expect(r.stdout).toContain('--port N');
        expect(r.stdout).not.toContain('Open: http');
        expect(existsSync(dataDir)).toBe(false);
      }),
  );

  it.concurrent.each([
    [[], 'Usage: distill-roi run'],
    [['help'], 'Usage: distill-roi run'],
    [['run'], 'Usage: distill-roi run'],
    [['batch'], 'Usage: distill-roi batch'],
    [['batch', 'collect'], 'Usage: distill-roi batch'],
    [['report'], 'distill-roi report --pdf FILE'],
    [['export'], 'distill-roi export'],
    [['import'], 'distill-roi import'],
    [['verdict'], 'distill-roi verdict'],
    [['models'], 'Usage: distill-roi models'],
    [['prices'], 'distill-roi prices refresh'],
    [['prices', 'refresh'], 'distill-roi prices refresh'],
    [['prices', 'list'], 'distill-roi prices list'],
    [['distill'], 'Usage: distill-roi distill start|status|stop'],
    [['distill', 'start'], 'Usage: distill-roi distill start|status|stop'],
    [['distill', 'status'], 'Usage: distill-roi distill start|status|stop'],
    [['distill', 'stop'], 'Usage: distill-roi distill start|status|stop'],
    [['distill', 'serve'], 'Usage: distill-roi distill serve'],
    [['distill', 'evaluate'], 'Usage: distill-roi distill serve'],
    [['bill'], 'distill-roi bill reconcile'],
    [['bill', 'reconcile'], 'distill-roi bill reconcile'],
  ])('the CLI %j prints its usage and opens no data folder', (command, usage) =>
    withUnusedDir(async (dataDir) => {
      const args = command[0] === 'help' ? command : [...command, '--help', '--data-dir', dataDir];
      const r = await (await startCli(args, { DISTILL_ROI_DATA_DIR: dataDir })).exited;
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain(usage);
      expect(existsSync(dataDir)).toBe(false);
    }),
  );

  const scripts = readdirSync(join(ROOT, 'scripts')).filter(
    (f) => f.endsWith('.mjs') && f !== 'help.mjs',
  );
  it.concurrent.each(scripts)('scripts/%s prints its usage and does nothing else', (script) =>
    withUnusedDir(async (tools) => {
      const r = await runNode(join(ROOT, 'scripts', script), ['--help'], {
        DISTILL_ROI_TOOLS_DIR: tools,
      });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^Usage: /);
      expect(existsSync(tools)).toBe(false);
    }),
  );

  const benches = [
    'bench',
    'bench-report',
    'bench-roi',
    'bench-batch',
    'bench-prices',
    'bench-import',
  ];
  it.each(benches)(
    'out/node/%s.cjs prints what it measures and measures nothing',
    async (bench) => {
      const r = await runNode(built(`${bench}.cjs`), ['--help']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^Usage: node out\/node\//);
      expect(r.stdout).not.toMatch(/^(met|MISS) /m);
    },
  );
});
