/**
 * Which endpoints the app will send requests to: Bedrock (runtime and control plane), S3,
 * Service Quotas, Cost Explorer, the Price List. Signed requests carry the session token and
 * the paragraphs, so plain http:// is allowed only to this computer (the loopback stand-in, a
 * local proxy), and credentials in the URL itself are refused: they would be sent to whoever
 * answers and shown wherever the URL is. Every setting, flag and environment variable that
 * names an endpoint is checked by this one rule (src/main/common/endpoints.ts before a client
 * is built, the settings schema when it is saved).
 */

const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost: addresses that never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why `url` cannot be an endpoint, or null when it can. `name` says which endpoint, as the user
 * gave it: a setting (`controlPlaneEndpoint`), a flag (`--s3-endpoint`) or an environment
 * variable (`AWS_ENDPOINT_URL_S3`); the message starts with it.
 */
export function endpointProblem(url: string, name = 'The endpoint'): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${name} must be a URL such as https://bedrock-runtime.us-east-1.amazonaws.com.`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return `${name} must not contain a user name or password: AWS requests are signed with your AWS credentials instead.`;
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:') {
    return isLoopbackHost(parsed.hostname)
      ? null
      : `${name} must start with https://: plain http:// would send the session token and the paragraphs unencrypted (it is allowed only to 127.0.0.1 or localhost).`;
  }
  return `${name} must start with https:// (or http:// to 127.0.0.1 or localhost).`;
}
