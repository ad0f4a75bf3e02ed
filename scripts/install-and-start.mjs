// The README's first command: install what the app needs, then open it.
//
//   node scripts/install-and-start.mjs [--browser] [app options, e.g. --data-dir DIR]
//
// 1. Under a Node older than the floor, fetches Node 24 from the npm registry (scripts/
//    node-runtime.mjs), says so, and carries on under it.
// 2. `npm ci` when package-lock.json changed since the last install (never a download of
//    Electron's binary here: that is step 3, where its failure is not an install failure).
// 3. Electron's binary for the desktop window (`npm run electron:install`, about 100 MB from
//    Electron's releases), unless it is there already or --browser is given.
// 4. `npm start`: the desktop app where Electron's binary is installed, else the browser host.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode, envWith, floorText, meetsFloor } from './node-runtime.mjs';
import { answerHelp } from './help.mjs';

answerHelp(`
Usage: node scripts/install-and-start.mjs [--browser] [app options]

Installs what the app needs, then opens it:
  1. under a Node older than 22.12, fetches Node 24 from the npm registry and carries on under it
     (kept in ~/.cache/distill-roi/tools, or DISTILL_ROI_TOOLS_DIR);
  2. npm ci, when package-lock.json changed since the last install;
  3. npm run electron:install (Electron's binary, about 100 MB), unless --browser is given;
  4. npm start: the desktop app, or the browser host where Electron's binary is missing.

  --browser        skip Electron's download; the app opens in your browser
  app options      passed to npm start, e.g. --data-dir DIR (see node out/node/host.cjs --help)
  --help, -h       print this and exit
`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const appArgs = args.filter((a) => a !== '--browser');
const say = (line) => process.stdout.write(`${line}\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, cmdArgs, env = process.env) {
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  return r.status ?? 1;
}

if (!meetsFloor(process.version)) {
  let runtime;
  try {
    runtime = ensureNode(24);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  say(
    `Node ${process.version} is older than ${floorText()}, which Distill ROI needs: using Node ${runtime.version} from the npm registry, kept in ${runtime.nodedir}.`,
  );
  process.exit(run(runtime.node, [fileURLToPath(import.meta.url), ...args], envWith(runtime)));
}

const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');
const stamp = join(root, 'node_modules', '.distill-roi-installed');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash;
if (!installed) {
  say('Installing node modules (npm ci)…');
  const code = run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  });
  if (code !== 0) process.exit(code);
  writeFileSync(stamp, `${lockHash}\n`);
}

if (!browserOnly) {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...env } = process.env;
  say('Fetching Electron’s binary for the desktop window (npm run electron:install)…');
  if (run(npm, ['run', '--silent', 'electron:install'], env) !== 0) {
    say('Electron’s binary could not be downloaded here; the app opens in your browser instead.');
  }
}

process.exit(run(npm, ['start', '--', ...appArgs]));
