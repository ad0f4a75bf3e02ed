/**
 * The batch settings in the store (key `batchSettings`): read by the Settings screen, the
 * experiment form (its prefill), `run --mode batch` (when --s3 or --role-arn is left out) and
 * the planner (the fallback quotas where the account's cannot be read).
 */
import type { Database } from 'better-sqlite3';
import {
  BatchSettingsSchema,
  DEFAULT_BATCH_SETTINGS,
  resolveFallbackQuotas,
  type BatchSettings,
} from '../../shared/batch/batchSettings';
import { readSetting, writeSetting } from '../db/repos/settings';

const SETTING = 'batchSettings';

/** What is saved; a value that no longer passes the checks reads as nothing saved. */
export const readBatchSettings = (db: Database): BatchSettings =>
  readSetting(db, SETTING, BatchSettingsSchema, DEFAULT_BATCH_SETTINGS);

/** Saves settings already checked by BatchSettingsSchema (the IPC contract parses them). */
export function saveBatchSettings(db: Database, s: BatchSettings): void {
  writeSetting(db, SETTING, BatchSettingsSchema.parse(s));
}

/** The fallback quotas in force, and which of them the user saved. */
export const fallbackQuotas = (db: Database) => resolveFallbackQuotas(readBatchSettings(db).quotas);
