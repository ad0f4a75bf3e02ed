/** Pure rules for where the window may go; the Electron shell only wires them to events. */

/**
 * In-app navigation must stay on the exact page the app loaded: for the app:// page, the same
 * scheme, host and path (only the fragment may change); for an http page, its origin.
 */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  try {
    const t = new URL(target);
    const a = new URL(appUrl);
    if (a.protocol !== 'http:' && a.protocol !== 'https:') {
      return t.protocol === a.protocol && t.host === a.host && t.pathname === a.pathname;
    }
    return t.origin === a.origin;
  } catch {
    return false;
  }
}

/**
 * Hosts a link may open in the OS browser: AWS's own pages (pricing, model access, docs). Any
 * other link is dropped, so text that reaches the page (a model's output, an imported paragraph)
 * cannot make the app open an arbitrary site or a local handler.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'aws.amazon.com',
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
];

/** Only https links to an allow-listed host (or a regional console of it) leave the app. */
export function isAllowedExternal(target: string): boolean {
  try {
    const u = new URL(target);
    if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') {
      return false;
    }
    return EXTERNAL_HOSTS.includes(u.hostname) || u.hostname.endsWith('.console.aws.amazon.com');
  } catch {
    return false;
  }
}
