import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { prepared } from './prepared';

const open: Database.Database[] = [];
const connection = () => {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE TABLE t (x INTEGER)');
  return db;
};
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('prepared', () => {
  it('compiles a statement once per connection and SQL text, and runs it each time', () => {
    const a = connection();
    const insert = prepared(a, 'INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 1_000; i++) {
      expect(prepared(a, 'INSERT INTO t (x) VALUES (?)')).toBe(insert);
      prepared(a, 'INSERT INTO t (x) VALUES (?)').run(i);
    }
    expect(a.prepare('SELECT count(*) AS n, sum(x) AS s FROM t').get()).toEqual({
      n: 1_000,
      s: 499_500,
    });
    expect(prepared(a, 'SELECT count(*) AS n FROM t')).not.toBe(insert);
  });

  it('never hands one connection’s statement to another', () => {
    const [a, b] = [connection(), connection()];
    const sql = 'INSERT INTO t (x) VALUES (?)';
    expect(prepared(a, sql)).not.toBe(prepared(b, sql));
    prepared(b, sql).run(7);
    expect(a.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(b.prepare('SELECT x FROM t').get()).toEqual({ x: 7 });
  });
});
