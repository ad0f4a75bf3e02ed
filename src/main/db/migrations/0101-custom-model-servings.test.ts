import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0101-custom-model-servings', () => {
  it('adds the servings table; one row per idempotency token and per ARN', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(101));
    before.db.close();
    const { db, applied } = await migrateTo(path, 101);
    expect(applied).toEqual([101]);
    expect(userVersion(db)).toBe(101);
    const insert = db.prepare(
      `INSERT INTO servings (id, kind, region, custom_model_arn, custom_model_name, name,
         client_token, arn, phase, created_at)
       VALUES (?, 'provisioned', 'us-east-1', 'arn:m', 'm', 'n', ?, ?, ?, 't')`,
    );
    insert.run('s1', 'token-1', 'arn:pt-1', 'creating');
    expect(() => insert.run('s2', 'token-1', 'arn:pt-2', 'creating')).toThrow(/UNIQUE/);
    expect(() => insert.run('s3', 'token-3', 'arn:pt-1', 'creating')).toThrow(/UNIQUE/);
    expect(() => insert.run('s4', 'token-4', null, 'forgotten')).toThrow(/CHECK/);
    db.close();
  });
});
