/** An in-process command's stdout and stderr, captured as text, for CLI tests. A test tool only. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/main/cli/cliIo';

export function captureIo(env: NodeJS.ProcessEnv): {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
} {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    io: { stdout: out, stderr: err, env } as unknown as CliIo,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
