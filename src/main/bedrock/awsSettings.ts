import type { Database } from 'better-sqlite3';
import {
  AwsSettingsSchema,
  DEFAULT_AWS_SETTINGS,
  type AwsSettings,
} from '../../shared/domain/settings';
import { readSetting, writeSetting } from '../db/repos/settings';

/**
 * The stored AWS settings (region, credential mode, profile, endpoints): read by the client
 * pool of the core, the catalog and the settings screen alike, so they live below all of them.
 */
const AWS_KEY = 'aws';

export const readAwsSettings = (store: { db: Database }): AwsSettings =>
  readSetting(store.db, AWS_KEY, AwsSettingsSchema, DEFAULT_AWS_SETTINGS);

export const writeAwsSettings = (db: Database, settings: AwsSettings): void =>
  writeSetting(db, AWS_KEY, settings);
