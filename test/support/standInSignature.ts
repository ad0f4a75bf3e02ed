/**
 * The stand-in's SignatureDoesNotMatch answer. Like AWS, it quotes the canonical request and
 * the string to sign it expected, built from the request it got, so that every signed header,
 * the session token (`x-amz-security-token`) included, comes back inside the error's message.
 * That is the leak tests check the app does not store or export.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function headerValue(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
}

/** The message AWS gives when the signature does not match, quoting the canonical request. */
export function signatureMismatchMessage(req: IncomingMessage, rawBody: string): string {
  const auth = headerValue(req, 'authorization');
  const signed = (/SignedHeaders=([^,\s]+)/.exec(auth)?.[1] ?? 'host;x-amz-date').split(';');
  const scope = /Credential=[^/]+\/([^,\s]+)/.exec(auth)?.[1] ?? '';
  const [path = '/', query = ''] = (req.url ?? '/').split('?');
  const canonical = [
    req.method ?? 'POST',
    path,
    query,
    ...signed.map((h) => `${h}:${headerValue(req, h)}`),
    '',
    signed.join(';'),
    headerValue(req, 'x-amz-content-sha256') || sha256(rawBody),
  ].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    headerValue(req, 'x-amz-date'),
    scope,
    sha256(canonical),
  ].join('\n');
  return (
    'The request signature we calculated does not match the signature you provided. Check your ' +
    'AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${canonical}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`
  );
}
