/**
 * The electron-builder configuration, loaded and checked: every installer target, the icon,
 * the Electron-ABI database driver where the shell looks for it, and the Electron fuses.
 * electron-builder itself is not installed here (it downloads Electron and installer tools when
 * it runs); this is what can be proven without it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
    const dataDir = readFileSync(join(ROOT, 'src/main/paths/dataDir.ts'), 'utf8');
    expect(dataDir).toContain(`const APP_FOLDER = '${String(config.productName)}';`);
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

  it('ships the Electron-ABI better-sqlite3 where the shell looks for it, outside the archive', () => {
    const shell = readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8');
    const lookup = /join\(base, ('[^']+'(?:, '[^']+')*)\)/.exec(shell)?.[1];
    const shellPath = lookup
      ?.split(', ')
      .map((s) => s.slice(1, -1))
      .join('/');
    expect(shellPath).toBe('native/electron/better_sqlite3.node');
    expect(shell).toMatch(/app\.isPackaged \? process\.resourcesPath/);
    expect(config.extraResources).toEqual([{ from: `resources/${shellPath}`, to: shellPath }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // Packaging must never rebuild node_modules' copy, which the tests and the CLI use.
    expect(config.npmRebuild).toBe(false);
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
