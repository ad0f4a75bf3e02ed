// `npm start`: the Electron app where Electron's binary is installed; otherwise the browser
// host (the same app in your browser), saying why.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary is missing.
    return { path: require('electron'), reason: null };
  } catch (e) {
    return { path: null, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

const { path, reason } = electronBinary();
if (path) {
  const child = spawn(path, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    `Electron is not installed here (${reason}).\n` +
      `Starting the browser host instead: the same app, served to your browser on 127.0.0.1.\n` +
      `(On a machine with internet access, \`npm run electron:install\` fetches Electron.)\n\n`,
  );
  const child = spawn(process.execPath, ['out/node/host.cjs', ...passThrough], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
