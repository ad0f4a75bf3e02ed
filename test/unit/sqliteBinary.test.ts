import { describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// One SQLite binary for Node and Electron: better-sqlite3 13 ships Node-API builds inside its npm
// package. A Node-API addon exports `napi_register_module_v1`; an addon tied to one Node (or
// Electron) ABI exports `node_register_module_v<ABI>` instead and would need a rebuild for
// Electron. These tests look at the binary the tests themselves load.
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const { getPrebuildPath } = require(join(packageDir, 'lib', 'binding.js')) as {
  getPrebuildPath: () => string | null;
};

function exportedSymbols(file: string): string[] | null {
  // nm's dynamic symbol table is exact on Linux (CI); elsewhere the string scan below stands in.
  if (process.platform !== 'linux') return null;
  const nm = spawnSync('nm', ['-D', '--defined-only', file], { encoding: 'utf8' });
  if (nm.status !== 0) return null;
  return nm.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[2])
    .filter((name): name is string => Boolean(name));
}

describe('the SQLite binary', () => {
  it('is the prebuilt Node-API binary from the npm package, with nothing compiled at install', () => {
    expect(existsSync(join(packageDir, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(existsSync(join(packageDir, 'build', 'Debug', 'better_sqlite3.node'))).toBe(false);
    const file = getPrebuildPath();
    expect(file).not.toBeNull();
    const symbols = exportedSymbols(file!);
    if (symbols) {
      expect(symbols).toContain('napi_register_module_v1');
      expect(symbols.filter((s) => s.startsWith('node_register_module_v'))).toEqual([]);
    } else {
      const bytes = readFileSync(file!).toString('latin1');
      expect(bytes).toContain('napi_register_module_v1');
      expect(bytes).not.toContain('node_register_module_v');
    }
  });

  it('opens a database under this Node', () => {
    const db = new Sqlite(':memory:');
    try {
      const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
      expect(version).toMatch(/^3\.\d+\.\d+$/);
      expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(8);
    } finally {
      db.close();
    }
  });
});
