/**
 * The electron-builder configuration, loaded and checked: every installer target, the icon,
 * native binaries left unpacked and never rebuilt, and the Electron fuses.
 * electron-builder itself is not installed here (it downloads Electron and installer tools when
 * it runs); this is what can be proven without it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataDir } from '../../src/main/paths/dataDir';

const ROOT = join(__dirname, '..', '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('builds dmg for macOS, nsis for Windows, AppImage and deb for Linux', () => {
    expect(section('mac').target).toEqual(['dmg']);
    expect(section('win').target).toEqual(['nsis']);
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
  });

  it('names the app so that its data folder is the one the CLI and host use', () => {
    // Electron names app.getPath('userData') after productName; the CLI and host compute it.
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(basename(defaultDataDir(platform, {}, '/home/someone'))).toBe(config.productName);
    }
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });

  it('uses the app icon, large enough for every platform', () => {
    const icon = join(ROOT, String(config.icon));
    expect(existsSync(icon)).toBe(true);
    const { width, height } = pngSize(icon);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(section('directories').buildResources).toBe('resources');
  });

  it('packs the Electron build, including the entry point package.json names', () => {
    const files = config.files as string[];
    for (const part of ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']) {
      expect(files).toContain(part);
    }
    expect(pkg.main).toBe('./out/main/index.js');
    expect(files.some((f) => f.startsWith('out/node'))).toBe(false);
  });

  it('packs native binaries outside the archive and never rebuilds them', () => {
    // better-sqlite3 13's prebuilt binaries are Node-API (test/unit/sqliteBinary.test.ts), so the
    // one in node_modules loads in Electron as it is: no second copy, no Electron rebuild.
    expect(config.extraResources).toBeUndefined();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    const files = config.files as string[];
    expect(files).toContain('!**/node_modules/better-sqlite3/{deps,src}/**');
  });

  it('builds installers with a pinned electron-builder for the pinned Electron', () => {
    const scripts = (pkg as unknown as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/^npm run build && npx --yes electron-builder@\d+\.\d+\.\d+ /);
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The pages come from app://, so file:// gets no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('does not install electron-builder, whose runs download binaries', () => {
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
    expect(pkg.devDependencies['electron-builder']).toBeUndefined();
  });
});
