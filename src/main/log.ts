/**
 * The app's only logger. Messages go to stderr; anything that looks like an AWS secret is masked
 * first, since an SDK error can echo request details.
 */
import { redactSecrets } from '../shared/security/redactSecrets';

const extraSecrets = new Set<string>();

/** Secrets the app holds right now (keys loaded from the keychain) are masked wherever they appear. */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) extraSecrets.add(secret);
}

/**
 * Masks secrets by their shape (see redactSecrets) and the ones the app holds by value: main's
 * one function for any text that is logged, stored or sent to the renderer.
 */
export function redact(text: string): string {
  let out = redactSecrets(text);
  for (const s of extraSecrets) out = out.split(s).join('***');
  return out;
}

/** Same, keeping null as null (for optional columns such as a job's message). */
export const redactOrNull = (text: string | null): string | null =>
  text === null ? null : redact(text);

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export function logError(message: string, e?: unknown): void {
  process.stderr.write(`${redact(e === undefined ? message : `${message}: ${describe(e)}`)}\n`);
}

export function logInfo(message: string): void {
  process.stderr.write(`${redact(message)}\n`);
}
