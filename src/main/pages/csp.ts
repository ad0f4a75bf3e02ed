/**
 * The one Content-Security-Policy of the renderer: no inline or evaluated script, nothing
 * loaded from anywhere but the app itself. index.html carries the same policy in a meta tag
 * for Electron (a test keeps the two equal); the browser host also sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
