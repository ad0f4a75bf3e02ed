/**
 * Temporary ~/.aws folders for the profile and provider tests. The static secret is a canary:
 * tests assert it never comes back out of listProfiles or an error message.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const STATIC_KEY_ID = 'AKIAFIXTURE000000001';
export const STATIC_SECRET = 'fixtureCanarySecret/Do+Not+Leak0123456789';

export const CONFIG = `
# Profiles of every kind the Settings screen distinguishes.
[default]
region = us-west-2

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Analyst
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start#/
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 111122223333
sso_role_name = Analyst

[profile analyst-role]
role_arn = arn:aws:iam::111122223333:role/Analyst
source_profile = static-keys
region = eu-central-1

[profile orphan-role]
role_arn = arn:aws:iam::111122223333:role/Analyst
source_profile = ghost

[profile mfa-role]
role_arn = arn:aws:iam::111122223333:role/Analyst
source_profile = static-keys
mfa_serial = arn:aws:iam::111122223333:mfa/analyst

[profile from-process]
credential_process = ${JSON.stringify(process.execPath)} -e "process.exit(3)"

[profile region-only]
region = ap-southeast-2

[profile static-keys]
region = eu-west-1

[not-a-profile]
region = us-east-2
`;

export const CREDENTIALS = `
[static-keys]
aws_access_key_id = ${STATIC_KEY_ID}
aws_secret_access_key = ${STATIC_SECRET}
`;

export interface AwsHome {
  home: string;
  configFile: string;
  credentialsFile: string;
  cleanup: () => void;
}

/** A fresh HOME with .aws/config and .aws/credentials (either may be left out). */
export function makeAwsHome(files: { config?: string; credentials?: string } = {}): AwsHome {
  const home = mkdtempSync(join(tmpdir(), 'distill-roi-aws-'));
  mkdirSync(join(home, '.aws'));
  const configFile = join(home, '.aws', 'config');
  const credentialsFile = join(home, '.aws', 'credentials');
  if (files.config !== undefined) writeFileSync(configFile, files.config);
  if (files.credentials !== undefined) writeFileSync(credentialsFile, files.credentials);
  return {
    home,
    configFile,
    credentialsFile,
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/**
 * Fresh AWS files for each test, named by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE as a
 * user would, set through `stubEnv` (the test's vi.stubEnv: test/support does not import
 * vitest); `cleanup` removes every one made.
 */
export function awsHomes(stubEnv: (name: string, value: string) => void) {
  let homes: AwsHome[] = [];
  return {
    use(files: { config?: string; credentials?: string }): AwsHome {
      const aws = makeAwsHome(files);
      homes.push(aws);
      stubEnv('AWS_CONFIG_FILE', aws.configFile);
      stubEnv('AWS_SHARED_CREDENTIALS_FILE', aws.credentialsFile);
      return aws;
    },
    cleanup(): void {
      homes.forEach((aws) => aws.cleanup());
      homes = [];
    },
  };
}
