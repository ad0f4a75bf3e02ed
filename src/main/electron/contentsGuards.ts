/**
 * What the Electron shell attaches to every web contents and session, written against the
 * few methods it uses so that it runs under plain Node with fakes (contentsGuards.test.ts).
 * Follows the checklist of Electron's "Security" tutorial: limit navigation, deny new windows,
 * refuse <webview>, deny every permission, and send only allow-listed links to the OS browser.
 */
import { isAllowedExternal, isAllowedNavigation } from './navigation';

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface ContentsLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's Session the guards use. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** The app asks for no permission (camera, notifications, geolocation, …): every request is no. */
export const permissionDecision = (_permission: string): boolean => false;

export function guardSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
}

export function guardContents(
  contents: ContentsLike,
  appUrl: string,
  openExternal: (url: string) => void,
): void {
  const stayInApp = (e: PreventableEvent, url: string) => {
    if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
  };
  contents.on('will-navigate', stayInApp as (...args: never[]) => void);
  contents.on('will-redirect', stayInApp as (...args: never[]) => void);
  // The app never uses <webview>; one injected into the page must not get to attach.
  contents.on('will-attach-webview', ((e: PreventableEvent) => e.preventDefault()) as (
    ...args: never[]
  ) => void);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}
