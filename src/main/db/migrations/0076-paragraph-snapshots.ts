import type { Migration } from '../migration';

/**
 * Frozen experiments (issue 12): when an experiment starts, the text and reference of every
 * paragraph it uses are kept as they were, so editing a paragraph later never changes the text
 * shown beside outputs made from the old one.
 *
 * `text_snapshots` is content-addressed (the key is a hash of text and reference), so the same
 * paragraph used by ten experiments is stored once. `experiment_paragraphs` lists what each
 * experiment used, with the position and tags of the time; it has no foreign key to
 * `paragraphs`, because a frozen experiment outlives a paragraph deleted from its dataset.
 */
export const migration0076: Migration = {
  version: 76,
  name: 'paragraph-snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE text_snapshots (
        hash TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        reference TEXT
      );
      CREATE TABLE experiment_paragraphs (
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        paragraph_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        tags_json TEXT NOT NULL DEFAULT '[]',
        snapshot_hash TEXT NOT NULL REFERENCES text_snapshots(hash),
        PRIMARY KEY (experiment_id, paragraph_id)
      );
      CREATE INDEX experiment_paragraphs_by_paragraph ON experiment_paragraphs(paragraph_id);
    `);
  },
};
