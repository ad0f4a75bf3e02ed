import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export interface RendererFile {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer | string;
}

const NOT_FOUND: RendererFile = { status: 404, headers: SECURITY_HEADERS, body: 'Not found' };

/**
 * A file of the built renderer for a URL path, with the app's security headers: the one answer
 * the browser host, the Electron shell's app:// protocol and the Chromium PDF printer give. A path that escapes the
 * folder (`..`, encoded or not, or a symlink leading out), is malformed, or names no file is
 * a 404.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile> {
  try {
    const rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
    if (rel.includes('\0')) return NOT_FOUND;
    const full = normalize(join(root, rel));
    if (!full.startsWith(normalize(root) + sep)) return NOT_FOUND;
    // The path stays inside the folder, but a symlink in it could point anywhere (a user's
    // keys, the database): what is read must resolve inside the folder too.
    const [realRoot, realFull] = await Promise.all([realpath(root), realpath(full)]);
    if (!realFull.startsWith(realRoot + sep)) return NOT_FOUND;
    const info = await stat(realFull);
    if (!info.isFile()) return NOT_FOUND;
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
        'cache-control': rel.endsWith('.html') ? 'no-store' : 'max-age=3600',
      },
      body: await readFile(realFull),
    };
  } catch {
    return NOT_FOUND;
  }
}
