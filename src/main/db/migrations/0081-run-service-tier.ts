import type { Migration } from '../migration';

/**
 * The service tier a call's response reported (`serviceTier.type`: default, priority, flex,
 * reserved), so results can show latency and cost per tier. Null for calls made before tiers
 * existed, failed calls, and responses that did not say.
 */
export const migration0081: Migration = {
  version: 81,
  name: 'run-service-tier',
  up(db) {
    db.exec('ALTER TABLE runs ADD COLUMN service_tier TEXT');
  },
};
