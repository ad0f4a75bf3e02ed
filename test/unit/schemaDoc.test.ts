/**
 * docs/schema.md describes every table and column of the store at the latest migration: a
 * migration that adds one without its row in the doc fails here. The store is a real file,
 * migrated the way the app opens it; the doc is read as markdown (a `## \`table\`` heading, then
 * a table whose rows start with `| \`column\` |`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { latestVersion } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { migrateTo, tempStores } from '../support/migrateTo';

const stores = tempStores();
let db: Database;
beforeAll(async () => {
  db = (await migrateTo(stores.next().path, latestVersion(migrations))).db;
});
afterAll(() => {
  db.close();
  stores.cleanup();
});

/** Table name → the column names documented under its heading. */
function documented(markdown: string): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  let current: Set<string> | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^## `([a-z_0-9]+)`\s*$/.exec(line);
    if (heading?.[1]) {
      current = new Set();
      tables.set(heading[1], current);
    } else if (line.startsWith('#')) {
      current = null;
    } else {
      const row = /^\|\s*`([a-z_0-9]+)`\s*\|/.exec(line);
      if (row?.[1] && current) current.add(row[1]);
    }
  }
  return tables;
}

const doc = documented(readFileSync(resolve(__dirname, '../../docs/schema.md'), 'utf8'));

function storeTables(): { table: string; columns: string[] }[] {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return names.map(({ name }) => ({
    table: name,
    columns: (db.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name),
  }));
}

describe('docs/schema.md', () => {
  it('documents every table and column of the migrated store', () => {
    const tables = storeTables();
    expect(tables.length).toBeGreaterThan(10);
    const missing = tables.flatMap(({ table, columns }) => {
      const known = doc.get(table);
      if (!known) return [`table ${table}`];
      return columns.filter((c) => !known.has(c)).map((c) => `${table}.${c}`);
    });
    expect(missing).toEqual([]);
  });

  it('documents nothing the store does not have', () => {
    const actual = new Map(storeTables().map((t) => [t.table, new Set(t.columns)]));
    const stale = [...doc].flatMap(([table, columns]) => {
      const real = actual.get(table);
      if (!real) return [`table ${table}`];
      return [...columns].filter((c) => !real.has(c)).map((c) => `${table}.${c}`);
    });
    expect(stale).toEqual([]);
  });
});
