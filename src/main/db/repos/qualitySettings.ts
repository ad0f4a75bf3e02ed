import type { Database } from 'better-sqlite3';
import {
  defaultQualitySettings,
  QualitySettingsSchema,
  type QualitySettings,
} from '../../../shared/quality/qualitySettings';
import { RaterNameSchema } from '../../../shared/quality/ratings';
import { nowIso } from '../clock';
import { readSetting, writeSetting } from './settings';

/**
 * An experiment's quality settings. A row that no longer validates (written by an older build)
 * falls back to the defaults rather than breaking the quality view; the next save replaces it.
 */
export function getQualitySettings(db: Database, experimentId: string): QualitySettings {
  const row = db
    .prepare('SELECT settings_json FROM quality_settings WHERE experiment_id = ?')
    .get(experimentId) as { settings_json: string } | undefined;
  if (!row) return defaultQualitySettings();
  try {
    const parsed = QualitySettingsSchema.safeParse(JSON.parse(row.settings_json));
    return parsed.success ? parsed.data : defaultQualitySettings();
  } catch {
    return defaultQualitySettings();
  }
}

export function saveQualitySettings(
  db: Database,
  experimentId: string,
  settings: QualitySettings,
): void {
  db.prepare(
    `INSERT INTO quality_settings (experiment_id, settings_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(experiment_id) DO UPDATE SET settings_json = excluded.settings_json,
       updated_at = excluded.updated_at`,
  ).run(experimentId, JSON.stringify(QualitySettingsSchema.parse(settings)), nowIso());
}

const LAST_RATER_KEY = 'quality.lastRater';

/** The name the last rating was made under, offered again so the analyst types it once. */
export const getLastRater = (db: Database): string =>
  readSetting(db, LAST_RATER_KEY, RaterNameSchema, '');

export const setLastRater = (db: Database, name: string): void =>
  writeSetting(db, LAST_RATER_KEY, name);
