// `npm run electron:install`: downloads Electron's binary (the version package.json pins, about
// 100 MB, from Electron's GitHub releases into Electron's cache, then into node_modules/electron/
// dist) so that `npm start` opens the desktop window. Nothing else needs it: the browser host, the
// CLI and the tests run without it. One line on failure, never a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { answerHelp } from './help.mjs';

const require = createRequire(import.meta.url);

answerHelp(`
Usage: npm run electron:install      (node scripts/electron-install.mjs)

Downloads the Electron binary package.json pins (about 100 MB, from Electron's GitHub releases)
into node_modules/electron/dist, so that npm start opens the desktop window. One line on failure.
ELECTRON_SKIP_BINARY_DOWNLOAD is ignored here: asking for the download is the point.
`);
const installer = require.resolve('electron/install.js');
const { version } = require('electron/package.json');
const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...env } = process.env;
const r = spawnSync(process.execPath, [installer], { env, encoding: 'utf8' });
if (r.status !== 0) {
  const reason = `${r.stderr ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error/i.test(l));
  process.stderr.write(
    `Could not download Electron ${version}'s binary${reason ? ` (${reason.slice(0, 200)})` : ''}.\n`,
  );
  process.exit(1);
}
process.stdout.write(`Electron ${version} is installed: \`npm start\` opens the desktop app.\n`);
