/**
 * The Electron window loads the app from app://distill-roi/, not file:// (Electron's security
 * checklist, item 18: a file:// page may read any file the user can, and every file:// page
 * shares one origin). The scheme is registered as standard and secure, so that relative URLs,
 * 'self' in the CSP, module workers (the ROI simulation) and fetch behave as on https.
 */
import { readRendererFile } from '../pages/rendererFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'distill-roi';

/** Privileges for `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** The URL of a page of the built renderer (index.html, report.html). */
export const appPageUrl = (page: string): string => `${APP_SCHEME}://${APP_HOST}/${page}`;

/**
 * What `protocol.handle(APP_SCHEME, …)` answers: a file of the built renderer, or a 404 for
 * another host, a path outside the folder, or anything that is not a GET.
 */
export async function appProtocolResponse(
  request: { url: string; method: string },
  rendererDir: string,
): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || request.method !== 'GET') {
    return new Response('Not found', { status: 404 });
  }
  const file = await readRendererFile(rendererDir, url.pathname);
  // A copy into a plain Uint8Array: Response's BodyInit does not take a Buffer over a shared pool.
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  return new Response(body, { status: file.status, headers: file.headers });
}
