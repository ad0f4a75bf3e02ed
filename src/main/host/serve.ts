import { join } from 'node:path';
import { startApp } from '../service/appService';
import { resolveDataDir } from '../paths/dataDir';
import { logError } from '../log';
import { preferSmallHeap } from '../common/smallHeap';
import { startHost } from './server';

preferSmallHeap();

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE = `Usage: node out/node/host.cjs [--data-dir DIR] [--port N]      (npm run serve -- [options])

Serves Distill ROI to your browser on 127.0.0.1 only, and prints the URL to open (it carries a
fresh secret token in its #fragment). Ctrl-C stops it.

  --data-dir DIR   the data folder (or DISTILL_ROI_DATA_DIR; default: the user's data folder,
                   ~/.config/Distill ROI on Linux)
  --port N         the port to listen on (or DISTILL_ROI_PORT; default: any free port)
  --help, -h       print this and exit

Every setting and environment variable: docs/settings.md.`;

/** `npm run serve`: the app's handlers on loopback http, with the built renderer. */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolveDataDir();
  const core = await startApp({ dataDir, transport: 'browser-host' });
  const portText = flag('--port') ?? process.env.DISTILL_ROI_PORT;
  const host = await startHost({
    core,
    staticDir: join(__dirname, '..', 'renderer'),
    ...(portText ? { port: Number(portText) } : {}),
  });
  process.stdout.write(`Distill ROI is running in your browser host.\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  const state = core.state();
  if (state.mode === 'recovery') {
    process.stdout.write(`Recovery mode: the data file cannot be used (${state.reason}).\n`);
  }
  process.stdout.write(`Open: ${host.url}\n`);
  const stop = () => {
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  logError('Could not start', e);
  process.exit(1);
});
