/** Runs one CLI command's function in this process, capturing what it writes and its exit code. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/main/cli/cliIo';

export async function runInProcess(
  command: (argv: string[], io: CliIo) => Promise<number>,
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await command(argv, { stdout: out, stderr: err, env } as unknown as CliIo);
  return { code, stdout, stderr };
}
