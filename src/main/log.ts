/**
 * The app's only logger. Messages go to stderr; anything that looks like an AWS secret is masked
 * first, since an SDK error can echo request details.
 */
const SECRET_PATTERNS: RegExp[] = [
  /(aws_?secret_?access_?key["'\s:=]+)[A-Za-z0-9/+=]{20,}/gi,
  /(secretAccessKey["'\s:=]+)[^\s"',}]+/gi,
  /(sessionToken["'\s:=]+)[^\s"',}]+/gi,
  /(Signature=)[0-9a-f]{64}/gi,
];

const extraSecrets = new Set<string>();

/** Secrets the app holds right now (keys loaded from the keychain) are masked wherever they appear. */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) extraSecrets.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const p of SECRET_PATTERNS) out = out.replace(p, '$1***');
  for (const s of extraSecrets) out = out.split(s).join('***');
  return out;
}

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
