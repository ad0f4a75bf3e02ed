/**
 * The headless command line (bundled to out/node/cli.cjs; `npm run cli -- run ...`): runs an
 * experiment against Bedrock without the app, with the app's own store, runner and metrics.
 */
import { preferSmallHeap, tuneForNetworkWait } from '../common/smallHeap';
import { logError } from '../log';

preferSmallHeap();

/**
 * Commands other than `run` are loaded when asked for: the control plane, S3, the Price List,
 * Cost Explorer and the PDF printer would otherwise load (hundreds of ms, tens of MB) before a
 * run's first request.
 */
async function allUsage(): Promise<string> {
  const [run, batch, exp, models, prices, distill, bill] = await Promise.all([
    import('./cliArgs'),
    import('./batchCommand'),
    import('./exportArgs'),
    import('./modelsCommand'),
    import('./pricesCommand'),
    import('./distillCommand'),
    import('./billCommand'),
  ]);
  return [
    run.USAGE,
    batch.BATCH_USAGE,
    exp.EXPORT_USAGE,
    models.MODELS_USAGE,
    prices.PRICES_USAGE,
    distill.DISTILL_USAGE,
    bill.BILL_USAGE,
  ].join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  switch (command) {
    case 'run':
      // Before the run's code loads: TurboFan, once used, keeps its memory (smallHeap.ts), and
      // the young generation stays small.
      tuneForNetworkWait();
      return (await import('./runCommand')).runCommand(rest, io);
    case 'batch':
      return (await import('./batchCommand')).batchCommand(rest, io);
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
      return (await import('./modelsCommand')).modelsCommand(rest, io);
    case 'prices':
      return (await import('./pricesCommand')).pricesCommand(rest, io);
    case 'distill':
      return (await import('./distillCommand')).distillCommand(rest, io);
    case 'bill':
      return (await import('./billCommand')).billCommand(rest, io);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${await allUsage()}\n`);
      return 0;
    default:
      process.stderr.write(
        `${command ? `Unknown command "${command}".` : 'No command.'}\n\n${await allUsage()}\n`,
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
