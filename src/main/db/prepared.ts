import type { Database, Statement } from 'better-sqlite3';

/**
 * Statements prepared once per connection and SQL text. A statement prepared on every call costs
 * a compile each time, and its native memory (kilobytes each, invisible to the JS heap, so it
 * does not hasten a collection) stays until the garbage collector finalises the wrapper: tens
 * of thousands of rows written this way grew the process by hundreds of megabytes. Writes that
 * run once per call, result or score go through here.
 */
const byConnection = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
