import type { Database } from 'better-sqlite3';
import { priceBookOf, type PriceBook } from '../../../shared/pricing/priceBook';
import { PriceOverrideSchema, type PriceOverride } from '../../../shared/pricing/priceSchemas';
import { logError } from '../../log';
import { newId, nowIso } from '../clock';

interface OverrideRow {
  id: string;
  model_id: string;
  region: string;
  fields_json: string;
  note: string;
  as_of: string;
  created_at: string;
  scenario_id: string | null;
}

export interface StoredOverride {
  id: string;
  createdAt: string;
  override: PriceOverride;
  /** The one scenario it applies to; null: every scenario. */
  scenarioId: string | null;
}

/** The prices an override sets; identity, date and note have their own columns. */
function fieldsOf(o: PriceOverride): Record<string, unknown> {
  const { modelId: _m, region: _r, asOf: _a, note: _n, ...fields } = o;
  return fields;
}

function toStored(r: OverrideRow): StoredOverride | null {
  const parsed = PriceOverrideSchema.safeParse({
    ...(JSON.parse(r.fields_json) as Record<string, unknown>),
    modelId: r.model_id,
    region: r.region,
    asOf: r.as_of,
    note: r.note,
  });
  if (!parsed.success) {
    // A row this version cannot read is skipped, not allowed to take the whole list down.
    logError(`price override ${r.id} is unreadable and was skipped`);
    return null;
  }
  return { id: r.id, createdAt: r.created_at, override: parsed.data, scenarioId: r.scenario_id };
}

/** Every override in the order it was made, which is the order applyOverrides needs. */
export function listPriceOverrides(db: Database): StoredOverride[] {
  const rows = db.prepare('SELECT * FROM price_overrides ORDER BY seq').all() as OverrideRow[];
  return rows.map(toStored).filter((o): o is StoredOverride => o !== null);
}

/** One row, after every other (seq keeps the order overrides were made, which applyOverrides needs). */
function insertRow(
  db: Database,
  r: Pick<OverrideRow, 'model_id' | 'region' | 'fields_json' | 'note' | 'as_of' | 'scenario_id'>,
): { id: string; createdAt: string } {
  const id = newId();
  const createdAt = nowIso();
  db.prepare(
    `INSERT INTO price_overrides (id, seq, model_id, region, fields_json, note, as_of, created_at, scenario_id)
     VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM price_overrides), ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, r.model_id, r.region, r.fields_json, r.note, r.as_of, createdAt, r.scenario_id);
  return { id, createdAt };
}

export function insertPriceOverride(
  db: Database,
  o: PriceOverride,
  scenarioId: string | null = null,
): StoredOverride {
  const { id, createdAt } = insertRow(db, {
    model_id: o.modelId,
    region: o.region,
    fields_json: JSON.stringify(fieldsOf(o)),
    note: o.note,
    as_of: o.asOf,
    scenario_id: scenarioId,
  });
  return { id, createdAt, override: o, scenarioId };
}

/**
 * Gives `toScenarioId` a copy of every override scoped to `fromScenarioId`, in their order, with
 * their dates and notes: a duplicated scenario is priced as its original was. Returns how many.
 */
export function copyScenarioOverrides(
  db: Database,
  fromScenarioId: string,
  toScenarioId: string,
): number {
  const rows = db
    .prepare('SELECT * FROM price_overrides WHERE scenario_id = ? ORDER BY seq')
    .all(fromScenarioId) as OverrideRow[];
  for (const r of rows) insertRow(db, { ...r, scenario_id: toScenarioId });
  return rows.length;
}

export function deletePriceOverride(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM price_overrides WHERE id = ?').run(id).changes === 1;
}

/** The price book of this store: the built-in catalog and every saved override, with its scope. */
export function loadPriceBook(db: Database): PriceBook {
  return priceBookOf(listPriceOverrides(db));
}
