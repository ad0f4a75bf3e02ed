import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CONFIG,
  CREDENTIALS,
  STATIC_KEY_ID,
  STATIC_SECRET,
  makeAwsHome,
  type AwsHome,
} from '../../../test/support/awsHomeFixture';
import { awsFileLocations, listProfiles, profileKind } from './profiles';

let aws: AwsHome | undefined;
afterEach(() => {
  aws?.cleanup();
  aws = undefined;
  vi.unstubAllEnvs();
});

describe('listProfiles', () => {
  it('lists every profile of both files with its region and kind, default first', async () => {
    aws = makeAwsHome({ config: CONFIG, credentials: CREDENTIALS });
    const profiles = await listProfiles({ env: {}, homeDir: aws.home });
    expect(profiles).toEqual([
      { name: 'default', region: 'us-west-2', kind: 'unknown', sources: ['config'] },
      { name: 'analyst-role', region: 'eu-central-1', kind: 'assume-role', sources: ['config'] },
      { name: 'from-process', kind: 'process', sources: ['config'] },
      { name: 'legacy-sso', kind: 'sso', sources: ['config'] },
      { name: 'mfa-role', kind: 'assume-role', sources: ['config'] },
      { name: 'orphan-role', kind: 'assume-role', sources: ['config'] },
      { name: 'region-only', region: 'ap-southeast-2', kind: 'unknown', sources: ['config'] },
      { name: 'sso-dev', region: 'us-east-1', kind: 'sso', sources: ['config'] },
      {
        name: 'static-keys',
        region: 'eu-west-1',
        kind: 'static',
        sources: ['config', 'credentials'],
      },
    ]);
  });

  it('never returns a secret or a key id', async () => {
    aws = makeAwsHome({ config: CONFIG, credentials: CREDENTIALS });
    const serialized = JSON.stringify(await listProfiles({ env: {}, homeDir: aws.home }));
    expect(serialized).not.toContain(STATIC_SECRET);
    expect(serialized).not.toContain(STATIC_KEY_ID);
  });

  it('lists a profile that exists only in the credentials file', async () => {
    aws = makeAwsHome({ credentials: CREDENTIALS });
    expect(await listProfiles({ env: {}, homeDir: aws.home })).toEqual([
      { name: 'static-keys', kind: 'static', sources: ['credentials'] },
    ]);
  });

  it('returns nothing when neither file exists', async () => {
    aws = makeAwsHome();
    expect(await listProfiles({ env: {}, homeDir: aws.home })).toEqual([]);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~/ expanded', async () => {
    aws = makeAwsHome({ config: CONFIG, credentials: CREDENTIALS });
    writeFileSync(join(aws.home, 'other-config'), '[profile elsewhere]\nregion = sa-east-1\n');
    writeFileSync(
      join(aws.home, 'other-credentials'),
      `[elsewhere-keys]\naws_access_key_id = ${STATIC_KEY_ID}\naws_secret_access_key = ${STATIC_SECRET}\n`,
    );
    const env = {
      AWS_CONFIG_FILE: join(aws.home, 'other-config'),
      AWS_SHARED_CREDENTIALS_FILE: '~/other-credentials',
    };
    expect(await listProfiles({ env, homeDir: aws.home })).toEqual([
      { name: 'elsewhere', region: 'sa-east-1', kind: 'unknown', sources: ['config'] },
      { name: 'elsewhere-keys', kind: 'static', sources: ['credentials'] },
    ]);
  });

  it('reads the process environment and HOME by default', async () => {
    aws = makeAwsHome({ config: '[profile from-env-home]\nregion = us-east-1\n' });
    vi.stubEnv('HOME', aws.home);
    vi.stubEnv('AWS_CONFIG_FILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
    expect(awsFileLocations()).toEqual({
      configFile: aws.configFile,
      credentialsFile: aws.credentialsFile,
    });
    expect((await listProfiles()).map((p) => p.name)).toEqual(['from-env-home']);
  });
});

describe('profileKind', () => {
  const kind = (settings: Record<string, string>) => profileKind(new Map(Object.entries(settings)));

  it('follows the SDK’s order when a profile mixes ways of signing in', () => {
    expect(
      kind({
        role_arn: 'arn',
        source_profile: 'x',
        aws_access_key_id: 'k',
        aws_secret_access_key: 's',
      }),
    ).toBe('assume-role');
    expect(
      kind({ aws_access_key_id: 'k', aws_secret_access_key: 's', credential_process: 'c' }),
    ).toBe('static');
    expect(kind({ credential_process: 'c', sso_session: 's' })).toBe('process');
  });

  it('knows web identity roles and half-written profiles', () => {
    expect(kind({ role_arn: 'arn', web_identity_token_file: '/t' })).toBe('assume-role');
    expect(kind({ role_arn: 'arn' })).toBe('unknown');
    expect(kind({ aws_access_key_id: 'k' })).toBe('unknown');
  });
});
