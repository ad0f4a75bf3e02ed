/** Pure rules for where the window may go; the Electron shell only wires them to events. */

/** In-app navigation must stay on the exact page the app loaded (file URL or dev server origin). */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  try {
    const t = new URL(target);
    const a = new URL(appUrl);
    if (a.protocol === 'file:') return t.protocol === 'file:' && t.pathname === a.pathname;
    return t.origin === a.origin;
  } catch {
    return false;
  }
}

/** Only https links leave the app, and only to the OS browser. */
export function isAllowedExternal(target: string): boolean {
  try {
    const u = new URL(target);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
