// The Node this project needs, and how to get it where the machine's own is older.
//
// Node's official binaries, with their headers, are published on the npm registry as
// `node-<platform>-<arch>` packages, so a machine that reaches only the npm registry (as CI does)
// can still run a current Node. This file is plain ESM with node: built-ins only, because it runs
// under whatever old Node the machine has.
//
//   node scripts/node-runtime.mjs --major 24 --print bin       # folder holding `node`
//   node scripts/node-runtime.mjs --major 22 --print nodedir   # headers, for npm_config_nodedir
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerHelp } from './help.mjs';

/** The floor in package.json's `engines`: better-sqlite3 13 and Electron's installer need it. */
export const FLOOR = [22, 12, 0];

/** Pinned builds for the platform CI runs on, so that every CI run tests the same Node. */
const PINNED = { 'linux-x64': { 24: '24.22.3', 22: '22.23.5' } };

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function parseVersion(text) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text).trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function meetsFloor(version, floor = FLOOR) {
  const v = parseVersion(version);
  if (!v) return false;
  for (let i = 0; i < 3; i += 1) {
    if (v[i] !== floor[i]) return v[i] > floor[i];
  }
  return true;
}

export function floorText() {
  return FLOOR.join('.');
}

/** Where downloaded runtimes live: outside any work tree, shared by every clone on the machine. */
export function toolsDir(env = process.env) {
  if (env.DISTILL_ROI_TOOLS_DIR) return env.DISTILL_ROI_TOOLS_DIR;
  if (process.platform === 'win32') {
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'distill-roi', 'tools');
  }
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'distill-roi');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'distill-roi', 'tools');
}

function packageName() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

/** The pinned version here, else the newest of that major the registry serves for this machine. */
function chooseVersion(major) {
  const pinned = PINNED[`${process.platform}-${process.arch}`]?.[major];
  if (pinned) return pinned;
  const out = spawnSync(npmCommand, ['view', `${packageName()}@${major}`, 'version', '--json'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (out.status !== 0) return null;
  let versions;
  try {
    versions = JSON.parse(out.stdout || 'null');
  } catch {
    return null;
  }
  const list = (Array.isArray(versions) ? versions : [versions]).filter(Boolean);
  list.sort((a, b) => {
    const x = parseVersion(a);
    const y = parseVersion(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return list.at(-1) ?? null;
}

function binaryIn(pkgDir) {
  for (const rel of ['bin/node', 'bin/node.exe', 'node.exe']) {
    const file = join(pkgDir, rel);
    if (existsSync(file)) return file;
  }
  return null;
}

function versionOf(nodeBinary) {
  try {
    return execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/**
 * Installs (once) and returns a Node of the given major: { version, bin, nodedir, node }.
 * Throws an Error whose message is one plain sentence when it cannot.
 */
export function ensureNode(major, env = process.env) {
  const version = chooseVersion(major);
  const name = packageName();
  if (!version) {
    throw new Error(
      `The npm registry has no Node ${major} build for this machine (${name}); install Node ${major} from nodejs.org and run this command again.`,
    );
  }
  const prefix = join(toolsDir(env), `${name}-${version}`);
  const pkgDir = join(prefix, 'node_modules', name);
  let node = binaryIn(pkgDir);
  if (!node || versionOf(node) !== `v${version}`) {
    mkdirSync(prefix, { recursive: true });
    const install = spawnSync(
      npmCommand,
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${name}@${version}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
    );
    node = binaryIn(pkgDir);
    if (install.status !== 0 || !node || versionOf(node) !== `v${version}`) {
      throw new Error(
        `Could not install Node ${version} (${name}) from the npm registry into ${prefix}; install Node ${major} from nodejs.org and run this command again.`,
      );
    }
  }
  return { version, node, bin: dirname(node), nodedir: pkgDir };
}

/** The environment that puts this Node first, with its headers for native builds. */
export function envWith(runtime, env = process.env) {
  const sep = process.platform === 'win32' ? ';' : ':';
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return {
    ...env,
    [pathKey]: `${runtime.bin}${sep}${env[pathKey] ?? ''}`,
    npm_config_nodedir: runtime.nodedir,
  };
}

// Command line: print where a Node of the given major is, installing it first if needed.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  answerHelp(`
Usage: node scripts/node-runtime.mjs [--major 24] [--print bin|nodedir|node|version]

Prints where a Node of that major is (default 24), installing it first from the npm registry
(package node-<platform>-<arch>) into ~/.cache/distill-roi/tools, or DISTILL_ROI_TOOLS_DIR.
  --print bin       the folder holding node (default)
  --print nodedir   its headers, for npm_config_nodedir
`);
  const args = process.argv.slice(2);
  const major = Number(args[args.indexOf('--major') + 1] || 24);
  const print = args.includes('--print') ? args[args.indexOf('--print') + 1] : 'bin';
  try {
    const runtime = ensureNode(major);
    process.stdout.write(`${runtime[print] ?? runtime.bin}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
