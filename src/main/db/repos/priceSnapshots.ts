import type { Database } from 'better-sqlite3';
import {
  OfferReadSchema,
  PriceSnapshotSchema,
  type PriceSnapshot,
  type PriceSnapshotSummary,
} from '../../../shared/pricing/priceList/priceSnapshot';
import { PriceRowSchema } from '../../../shared/pricing/priceList/priceRow';
import { z } from 'zod';

interface Row {
  id: number;
  region: string;
  publication_date: string;
  fetched_at: string;
  source: string;
  offers_json: string;
  rows_json: string;
  problems_json: string;
}

const COLUMNS =
  'id, region, publication_date, fetched_at, source, offers_json, rows_json, problems_json';

function parse(row: Row): PriceSnapshot | null {
  try {
    const parsed = PriceSnapshotSchema.safeParse({
      id: row.id,
      region: row.region,
      publicationDate: row.publication_date,
      fetchedAt: row.fetched_at,
      source: row.source,
      offers: JSON.parse(row.offers_json),
      rows: JSON.parse(row.rows_json),
      problems: JSON.parse(row.problems_json),
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function insertPriceSnapshot(db: Database, s: Omit<PriceSnapshot, 'id'>): PriceSnapshot {
  const info = db
    .prepare(
      `INSERT INTO price_snapshots (region, publication_date, fetched_at, source, offers_json, rows_json, problems_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.region,
      s.publicationDate,
      s.fetchedAt,
      s.source,
      JSON.stringify(z.array(OfferReadSchema).parse(s.offers)),
      JSON.stringify(z.array(PriceRowSchema).parse(s.rows)),
      JSON.stringify(s.problems),
    );
  return { ...s, id: Number(info.lastInsertRowid) };
}

/** The newest readable snapshot of a region. */
export function latestPriceSnapshot(db: Database, region: string): PriceSnapshot | null {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM price_snapshots WHERE region = ? ORDER BY id DESC`)
    .iterate(region) as IterableIterator<Row>;
  for (const row of rows) {
    const s = parse(row);
    if (s) return s;
  }
  return null;
}

export function priceSnapshotById(db: Database, id: number): PriceSnapshot | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM price_snapshots WHERE id = ?`).get(id) as
    Row | undefined;
  return row ? parse(row) : null;
}

/** Every snapshot (newest first), without rows. */
export function listPriceSnapshots(db: Database, region?: string): PriceSnapshotSummary[] {
  const rows = (
    region === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM price_snapshots ORDER BY id DESC`).all()
      : db
          .prepare(`SELECT ${COLUMNS} FROM price_snapshots WHERE region = ? ORDER BY id DESC`)
          .all(region)
  ) as Row[];
  return rows.flatMap((row) => {
    const s = parse(row);
    if (!s) return [];
    const { rows: priced, ...rest } = s;
    return [{ ...rest, rowCount: priced.length }];
  });
}
