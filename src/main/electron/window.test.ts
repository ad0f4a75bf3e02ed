import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { windowOptions } from './window';
import { isAllowedExternal, isAllowedNavigation } from './navigation';
import { CONTENT_SECURITY_POLICY } from '../pages/csp';

describe('window options', () => {
  const prefs = windowOptions('/app/preload/index.cjs').webPreferences ?? {};
  it('isolates the renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });
});

describe('navigation rules', () => {
  const app = 'file:///opt/app/out/renderer/index.html';
  it('allows only the app page itself', () => {
    expect(isAllowedNavigation('file:///opt/app/out/renderer/index.html#x', app)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedNavigation('https://example.com', app)).toBe(false);
    expect(isAllowedNavigation('not a url', app)).toBe(false);
  });
  it('sends only plain https links to the OS browser', () => {
    expect(isAllowedExternal('https://aws.amazon.com/bedrock/pricing/')).toBe(true);
    expect(isAllowedExternal('http://aws.amazon.com')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternal('https://user:pw@example.com')).toBe(false);
  });
});

describe('content security policy', () => {
  it('forbids inline and evaluated script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });
  it('is the same in index.html as in the host header', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
