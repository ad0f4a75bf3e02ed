import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Paragraph } from '../../../shared/domain/dataset';
import type { Experiment } from '../../../shared/domain/experiment';
import { listParagraphs, listParagraphTexts } from './paragraphs';

/**
 * The paragraphs an experiment used, frozen when it started (migration 0076): every reader of
 * an experiment's paragraphs (runner, results, quality, report, exports) asks here, so outputs
 * are always shown beside the text they were made from.
 */

interface FrozenRow {
  paragraph_id: string;
  position: number;
  tags_json: string;
  text: string;
  reference: string | null;
}

/** The key of a text and its reference: identical paragraphs are stored once. */
export function snapshotHash(text: string, reference: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify([text, reference]))
    .digest('hex');
}

function frozenRows(db: Database, experimentId: string): FrozenRow[] {
  return db
    .prepare(
      `SELECT ep.paragraph_id, ep.position, ep.tags_json, s.text, s.reference
       FROM experiment_paragraphs ep JOIN text_snapshots s ON s.hash = ep.snapshot_hash
       WHERE ep.experiment_id = ? ORDER BY ep.position, ep.paragraph_id`,
    )
    .all(experimentId) as FrozenRow[];
}

/**
 * Freezes the dataset's paragraphs into the experiment, once: a resumed experiment keeps the
 * set and the texts it started with. Returns whether it froze them now.
 */
export function freezeExperimentParagraphs(db: Database, e: Experiment): boolean {
  return db.transaction(() => {
    const already = db
      .prepare('SELECT 1 FROM experiment_paragraphs WHERE experiment_id = ? LIMIT 1')
      .get(e.id);
    if (already) return false;
    const snapshot = db.prepare(
      'INSERT OR IGNORE INTO text_snapshots (hash, text, reference) VALUES (?, ?, ?)',
    );
    const link = db.prepare(
      `INSERT INTO experiment_paragraphs (experiment_id, paragraph_id, position, tags_json, snapshot_hash)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const p of listParagraphs(db, e.config.datasetId)) {
      const hash = snapshotHash(p.text, p.reference);
      snapshot.run(hash, p.text, p.reference);
      link.run(e.id, p.id, p.position, JSON.stringify(p.tags), hash);
    }
    return true;
  })();
}

/**
 * The paragraphs of an experiment as it used them: the frozen texts once it has started, the
 * dataset as it is now before that (and for experiments run before snapshots were kept).
 */
export function experimentParagraphs(db: Database, e: Experiment): Paragraph[] {
  const rows = frozenRows(db, e.id);
  if (rows.length === 0) return listParagraphs(db, e.config.datasetId);
  const current = new Map(listParagraphs(db, e.config.datasetId).map((p) => [p.id, p]));
  return rows.map((r) => {
    const now = current.get(r.paragraph_id);
    return {
      id: r.paragraph_id,
      datasetId: e.config.datasetId,
      position: r.position,
      text: r.text,
      reference: r.reference,
      tags: JSON.parse(r.tags_json) as string[],
      createdAt: now?.createdAt ?? e.createdAt,
      updatedAt: now?.updatedAt ?? e.createdAt,
    };
  });
}

/**
 * The references of the experiment's paragraphs from `fromId` to `toId` (inclusive), as it used
 * them (frozen, else the dataset's now): one page of a pass that must not hold them all.
 */
export function experimentReferences(
  db: Database,
  e: Experiment,
  fromId: string,
  toId: string,
): Map<string, string | null> {
  const frozen = db
    .prepare('SELECT 1 FROM experiment_paragraphs WHERE experiment_id = ? LIMIT 1')
    .get(e.id);
  const rows = (
    frozen
      ? db
          .prepare(
            `SELECT ep.paragraph_id AS id, s.reference FROM experiment_paragraphs ep
             JOIN text_snapshots s ON s.hash = ep.snapshot_hash
             WHERE ep.experiment_id = ? AND ep.paragraph_id BETWEEN ? AND ?`,
          )
          .all(e.id, fromId, toId)
      : db
          .prepare(
            'SELECT id, reference FROM paragraphs WHERE dataset_id = ? AND id BETWEEN ? AND ?',
          )
          .all(e.config.datasetId, fromId, toId)
  ) as { id: string; reference: string | null }[];
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** Paragraphs of the experiment whose text or reference changed (or that were deleted) since. */
export function paragraphsEditedSince(db: Database, e: Experiment): string[] {
  const current = new Map(listParagraphs(db, e.config.datasetId).map((p) => [p.id, p]));
  return frozenRows(db, e.id)
    .filter((r) => {
      const now = current.get(r.paragraph_id);
      return !now || now.text !== r.text || now.reference !== r.reference;
    })
    .map((r) => r.paragraph_id);
}

/** For the dataset editor: each edited paragraph with the experiments that used its old text. */
export function experimentsWithOlderText(
  db: Database,
  datasetId: string,
): Map<string, { experimentId: string; experimentName: string }[]> {
  const rows = db
    .prepare(
      `SELECT ep.paragraph_id, e.id AS experiment_id, e.name AS experiment_name
       FROM experiment_paragraphs ep
       JOIN experiments e ON e.id = ep.experiment_id
       JOIN paragraphs p ON p.id = ep.paragraph_id
       JOIN text_snapshots s ON s.hash = ep.snapshot_hash
       WHERE p.dataset_id = ? AND (p.text IS NOT s.text OR p.reference IS NOT s.reference)
       ORDER BY e.created_at`,
    )
    .all(datasetId) as { paragraph_id: string; experiment_id: string; experiment_name: string }[];
  const byParagraph = new Map<string, { experimentId: string; experimentName: string }[]>();
  for (const r of rows) {
    const list = byParagraph.get(r.paragraph_id) ?? [];
    list.push({ experimentId: r.experiment_id, experimentName: r.experiment_name });
    byParagraph.set(r.paragraph_id, list);
  }
  return byParagraph;
}

/**
 * Ids and texts only, in the order `experimentParagraphs` gives: what batch inference needs of
 * tens of thousands of paragraphs, at a fraction of the memory of full paragraph records.
 */
export function experimentParagraphTexts(
  db: Database,
  e: Experiment,
): { id: string; text: string }[] {
  const rows = db
    .prepare(
      `SELECT ep.paragraph_id AS id, s.text AS text
       FROM experiment_paragraphs ep JOIN text_snapshots s ON s.hash = ep.snapshot_hash
       WHERE ep.experiment_id = ? ORDER BY ep.position, ep.paragraph_id`,
    )
    .all(e.id) as { id: string; text: string }[];
  return rows.length > 0 ? rows : listParagraphTexts(db, e.config.datasetId);
}
