import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/ipc/result';
import type { HandlerContext } from '../core/context';
import { handlers } from '../handlers';
import { AppFailure } from '../common/failure';
import { logError, redact } from '../log';
import { describeZodError } from '../common/inputErrors';

const channelSet: ReadonlySet<string> = new Set(CHANNELS);
export const isChannel = (name: string): name is Channel => channelSet.has(name);

function sqliteCode(e: unknown): string | null {
  return e instanceof Error &&
    'code' in e &&
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_')
    ? e.code
    : null;
}

export function toErrorResult(e: unknown): Result<never> {
  // A failure may quote AWS (a refusal's reason): masked before it reaches the renderer.
  if (e instanceof AppFailure) return err(e.code, redact(e.message));
  const code = sqliteCode(e);
  if (code === 'SQLITE_FULL') {
    return err(
      'disk_full',
      'The disk is full, so this change was not saved. Everything saved before is intact. Free some space and try again.',
    );
  }
  if (code === 'SQLITE_BUSY') {
    return err('storage', 'The data file is busy in another process. Try again in a moment.');
  }
  logError('handler failed', e);
  return err(
    'internal',
    'Something went wrong inside the app. Nothing was changed by this action.',
  );
}

/**
 * The one entry point for every transport: parse the input with the channel's schema, run the
 * handler, and check the output against the contract, so a caller can never get or cause
 * anything the contract does not describe.
 */
export async function dispatch(
  ctx: HandlerContext,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return err('invalid_input', `There is no channel called "${channel.slice(0, 60)}".`);
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return err('invalid_input', describeZodError(parsed.error));
  try {
    const handler = handlers[channel] as (c: HandlerContext, i: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return ok(spec.output.parse(value));
  } catch (e) {
    return toErrorResult(e);
  }
}
