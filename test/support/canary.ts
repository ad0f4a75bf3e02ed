/**
 * A canary session token and the search for it: tests hand it to the real SDK as the session
 * token, have a stand-in quote it back in an error (as AWS quotes the canonical request of a
 * signature it did not accept), and then look for it in every file, channel and output.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Shaped like an STS session token: base64 with '/', '+' and '=' in it; new each call. */
export const canaryToken = (): string => `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`;

/** Every file under `dir`, as bytes, whatever its name (database, -wal, -shm, backups). */
export function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

/** The labels of what holds the canary (or a long piece of it). */
export function leaks(canary: string, found: { label: string; text: string | Buffer }[]): string[] {
  const pieces = [canary, canary.slice(20, 80)];
  return found.filter(({ text }) => pieces.some((p) => text.includes(p))).map(({ label }) => label);
}

/** Files under `dir` as labelled texts for `leaks`. */
export const fileTexts = (dir: string): { label: string; text: Buffer }[] =>
  filesUnder(dir).map((f) => ({ label: f.path, text: f.bytes }));

/**
 * The environment a CLI command or core in this process signs with: the canary as the session
 * token, no profile or instance role to fall back on, and the stand-ins' endpoints (for
 * `vi.stubEnv`, one entry at a time; undefined removes the variable).
 */
export function canaryEnv(o: {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  endpoints: Record<string, string>;
}): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: o.accessKeyId,
    AWS_SECRET_ACCESS_KEY: o.secretAccessKey,
    AWS_SESSION_TOKEN: o.sessionToken,
    AWS_PROFILE: undefined,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...o.endpoints,
  };
}
