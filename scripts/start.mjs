// `npm start`: the Electron app where Electron's binary is installed; otherwise the browser
// host (the same app in your browser), saying why.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { answerHelp } from './help.mjs';

const require = createRequire(import.meta.url);

answerHelp(`
Usage: npm start -- [--data-dir DIR] [--port N]      (node scripts/start.mjs [options])

Opens the Electron app where Electron's binary is installed (npm run electron:install);
otherwise starts the browser host and prints the URL to open. The options go to whichever
starts: --data-dir DIR (or DISTILL_ROI_DATA_DIR) for both, --port N for the browser host.
ELECTRON_OVERRIDE_DIST_PATH points at another folder holding Electron's binary.
`);
const passThrough = process.argv.slice(2);

/**
 * The Electron binary `npm run electron:install` put in place, found the way Electron's own
 * package finds it (path.txt names it inside dist/), but without `require('electron')`, which
 * since Electron 4x starts a download when the binary is missing.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const file = name ? join(dist, name) : null;
  if (file && existsSync(file)) return { path: file, reason: null };
  return { path: null, reason: 'its binary has not been downloaded' };
}

const { path, reason } = electronBinary();
if (path) {
  const child = spawn(path, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    `Electron is not installed here (${reason}).\n` +
      `Starting the browser host instead: the same app, served to your browser on 127.0.0.1.\n` +
      `(On a machine with internet access, \`npm run electron:install\` downloads Electron's binary.)\n\n`,
  );
  const child = spawn(process.execPath, ['out/node/host.cjs', ...passThrough], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
