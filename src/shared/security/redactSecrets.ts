/**
 * Masks AWS secrets in free text before it is stored, exported, logged or shown. AWS error
 * messages can quote the request they rejected: a SignatureDoesNotMatch answer quotes the
 * whole canonical request, session token header included, so an error's text must never be
 * trusted to be free of secrets. Pure, so that main (storage, logs) and shared (exports) use
 * the same rules.
 */

const MASK = '***';

/** Each pattern keeps its first group (the label) and masks the value after it. */
const LABELLED: RegExp[] = [
  // x-amz-security-token:VALUE in a canonical request, X-Amz-Security-Token=VALUE in a query.
  /(x-amz-security-token\s*[:=]\s*)[^\s'"&,;]+/gi,
  /(x-amz-signature\s*[:=]\s*)[^\s'"&,;]+/gi,
  /(x-amz-credential\s*[:=]\s*)[^\s'"&,;]+/gi,
  /(authorization\s*[:=]\s*)[^\n'"]+/gi,
  /(Signature=)[0-9a-f]{16,}/gi,
  /(Credential=)[^\s,'"&]+/gi,
  /(aws_?secret_?access_?key["'\s:=]+)[^\s"',}]+/gi,
  /(secret_?access_?key["'\s:=]+)[^\s"',}]+/gi,
  /(aws_?session_?token["'\s:=]+)[^\s"',}]+/gi,
  /(session_?token["'\s:=]+)[^\s"',}]+/gi,
  /(security_?token["'\s:=]+)[^\s"',}]+/gi,
  /(Bearer\s+)[^\s'",]+/gi,
  // Credentials in a URL: scheme://user:password@host.
  /([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+(?=@)/gi,
];

/** Values that are secret wherever they stand, without a label. */
const BARE: RegExp[] = [
  // Access key ids (long-term AKIA, temporary ASIA and the other IAM unique-id prefixes).
  /\b(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|AGPA|ASCA)[A-Z0-9]{12,}\b/g,
  // Bedrock API keys.
  /\bABSK[A-Za-z0-9+/=]{16,}/g,
  // Session tokens and other long base64 blobs: no error message needs one to be understood.
  /[A-Za-z0-9+/]{80,}={0,2}/g,
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const p of LABELLED) out = out.replace(p, `$1${MASK}`);
  for (const p of BARE) out = out.replace(p, MASK);
  return out;
}

/** Same, keeping null as null (for optional columns such as a run's error message). */
export function redactNullable(text: string | null): string | null {
  return text === null ? null : redactSecrets(text);
}
