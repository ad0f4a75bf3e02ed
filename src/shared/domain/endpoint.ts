/**
 * Which Bedrock endpoints the app will send signed requests to. Signed requests carry the
 * session token and the paragraphs, so plain http:// is allowed only to this computer (the
 * loopback stand-in, a local proxy), and credentials in the URL itself are refused: they would
 * be sent to whoever answers and shown wherever the URL is.
 */

const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost: addresses that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why `url` cannot be the Bedrock endpoint, or null when it can. */
export function endpointProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The endpoint must be a URL such as https://bedrock-runtime.us-east-1.amazonaws.com.';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The endpoint must not contain a user name or password: Bedrock signs each request with your AWS credentials instead.';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:') {
    return isLoopbackHost(parsed.hostname)
      ? null
      : 'The endpoint must start with https://: plain http:// would send the session token and the paragraphs unencrypted (it is allowed only to 127.0.0.1 or localhost).';
  }
  return 'The endpoint must start with https:// (or http:// to 127.0.0.1 or localhost).';
}
