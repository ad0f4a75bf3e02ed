/**
 * `distill-roi distill <subcommand>`: the dispatcher of the distillation group. Launching,
 * following and stopping jobs live in distillJobCommands.ts; serving and evaluating a distilled
 * model in distillServingCommands.ts.
 */
import { DISTILL_JOB_USAGE, distillJobCommand } from './distillJobCommands';
import { DISTILL_SERVING_USAGE, distillServingCommand } from './distillServingCommands';
import type { CliIo } from './cliIo';

export const DISTILL_USAGE = `${DISTILL_JOB_USAGE}\n\n${DISTILL_SERVING_USAGE}`;

/** The usage `--help` prints: the subcommand's own where it names one, else the group's. */
function usageFor(action: string | undefined): string {
  if (action === 'start' || action === 'status' || action === 'stop') return DISTILL_JOB_USAGE;
  if (action === 'serve' || action === 'evaluate') return DISTILL_SERVING_USAGE;
  return DISTILL_USAGE;
}

export async function distillCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${usageFor(action)}\n`);
    return 0;
  }
  switch (action) {
    case 'start':
    case 'status':
    case 'stop':
      return distillJobCommand(argv, io);
    case 'serve':
    case 'evaluate':
      return distillServingCommand(action, rest, io);
    default:
      io.stderr.write(
        `${action ? `Unknown distill subcommand "${action}".` : 'distill needs a subcommand.'}\n\n${DISTILL_USAGE}\n`,
      );
      return 2;
  }
}
