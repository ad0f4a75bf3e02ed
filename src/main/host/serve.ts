import { join } from 'node:path';
import { startApp } from '../service/appService';
import { resolveDataDir } from '../paths/dataDir';
import { logError } from '../log';
import { startHost } from './server';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `npm run serve`: the app's handlers on loopback http, with the built renderer. */
async function main(): Promise<void> {
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
