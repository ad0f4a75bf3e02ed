/**
 * The headless command line (bundled to out/node/cli.cjs; `npm run cli -- run ...`): runs an
 * experiment against Bedrock without the app, with the app's own store, runner and metrics.
 */
import { logError } from '../log';
import { USAGE } from './cliArgs';
import { runCommand } from './runCommand';
import { EXPORT_USAGE } from './exportArgs';
import { BATCH_USAGE, batchCommand } from './batchCommand';
import { modelsCommand, MODELS_USAGE } from './modelsCommand';
import { pricesCommand, PRICES_USAGE } from './pricesCommand';
import { distillCommand, DISTILL_USAGE } from './distillCommand';
import { billCommand, BILL_USAGE } from './billCommand';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  switch (command) {
    case 'run':
      return runCommand(rest, io);
    case 'batch':
      return batchCommand(rest, io);
    case 'report':
    case 'export':
    case 'import':
    case 'verdict': {
      // Loaded only when asked for: the PDF printer brings a browser driver (playwright-core)
      // that cost a run over a second and about 60 MB before its first request.
      const { exportCommand } = await import('./exportCommands');
      return exportCommand(command, rest, io);
    }
    case 'models':
      return modelsCommand(rest, io);
    case 'prices':
      return pricesCommand(rest, io);
    case 'distill':
      return distillCommand(rest, io);
    case 'bill':
      return billCommand(rest, io);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(
        `${USAGE}\n\n${BATCH_USAGE}\n\n${EXPORT_USAGE}\n\n${MODELS_USAGE}\n\n${PRICES_USAGE}\n\n${DISTILL_USAGE}\n\n${BILL_USAGE}\n`,
      );
      return 0;
    default:
      process.stderr.write(
        `${command ? `Unknown command "${command}".` : 'No command.'}\n\n${USAGE}\n\n${BATCH_USAGE}\n\n${EXPORT_USAGE}\n\n${MODELS_USAGE}\n\n${PRICES_USAGE}\n\n${DISTILL_USAGE}\n\n${BILL_USAGE}\n`,
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    logError('distill-roi failed', e);
    process.exitCode = 1;
  },
);
