/**
 * The clients the SDK's credential providers build for themselves (STS for an assume-role
 * profile, SSO for an SSO one) reach only endpoints the endpoint rules allow: a real assume-role
 * profile gets its keys from the loopback STS stand-in its config names, and a refused STS
 * endpoint (from a variable or a [services] entry) is named before any request leaves.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  awsHomes,
  CONFIG,
  CREDENTIALS,
  STATIC_KEY_ID,
  type AwsHome,
} from '../../../test/support/awsHomeFixture';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { createMemorySecretStore } from './memorySecretStore';
import { ASSUMED_KEYS, startStsStandIn, type StsStandIn } from '../../../test/support/stsStandIn';
import { createBedrockClient } from '../bedrock/client';
import { converseOnce } from '../bedrock/converseStream';
import { BedrockCallError } from '../bedrock/errors';
import { EndpointRefusedError } from '../common/endpoints';
import { resolveCredentialProvider } from './provider';
import { checkedCredentials, signInClientConfig } from './signInEndpoints';

const VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_SSO',
  'AWS_ENDPOINT_URL_SSO_OIDC',
  'AWS_ENDPOINT_URL_SIGNIN',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
];

let sts: StsStandIn;
let bedrock: BedrockStandIn;
beforeAll(async () => {
  sts = await startStsStandIn();
  bedrock = await startBedrockStandIn({ fallbackModel: { latencyMs: 1 } });
});
afterAll(async () => {
  await sts.close();
  await bedrock.close();
});

const homes = awsHomes((name, value) => vi.stubEnv(name, value));
/** The fixture's profiles (analyst-role assumes a role with static-keys' keys) plus `extra`. */
const awsFiles = (extra = ''): AwsHome =>
  homes.use({ config: CONFIG + extra, credentials: CREDENTIALS });
beforeEach(() => VARIABLES.forEach((name) => vi.stubEnv(name, '')));
afterEach(() => {
  vi.unstubAllEnvs();
  homes.cleanup();
});

/** One model call to the Bedrock stand-in, signed with what `credentials` resolves to. */
async function modelCall(credentials: ReturnType<typeof checkedCredentials>, modelId: string) {
  const client = createBedrockClient({
    region: 'us-east-1',
    endpoint: bedrock.url,
    credentials,
    maxAttempts: 1,
    connectionTimeoutMs: 1_000,
    requestTimeoutMs: 5_000,
  });
  try {
    await converseOnce(client, {
      modelId,
      userText: 'Summarize: signing in through STS',
      maxTokens: 20,
      temperature: 0,
      topP: 1,
    });
  } finally {
    client.destroy();
  }
}

const profileCredentials = (profile: string) =>
  resolveCredentialProvider({ mode: 'profile', profile }, createMemorySecretStore());

describe('an allowed STS endpoint', () => {
  it.each<[string, (url: string) => void]>([
    ['AWS_ENDPOINT_URL_STS', (url) => (awsFiles(), vi.stubEnv('AWS_ENDPOINT_URL_STS', url))],
    [
      'the sts entry of the [services] section AWS_PROFILE names',
      (url) => {
        awsFiles(
          `\n[profile local]\nservices = local\n[services local]\nsts =\n  endpoint_url = ${url}\n`,
        );
        vi.stubEnv('AWS_PROFILE', 'local');
      },
    ],
    ["the profile's endpoint_url", (url) => awsFiles(`\n[default]\nendpoint_url = ${url}\n`)],
  ])(
    'from %s signs the assume-role profile in through the loopback stand-in',
    async (_how, set) => {
      set(sts.url);
      const before = sts.requests.length;
      const modelId = `amazon.nova-micro-v1:${before}`;
      await modelCall(profileCredentials('analyst-role'), modelId);

      // AssumeRole was signed with the source profile's keys, the model call with the role's.
      expect(sts.requests.slice(before)).toEqual([
        expect.objectContaining({
          action: 'AssumeRole',
          roleArn: 'arn:aws:iam::111122223333:role/Analyst',
          signedBy: STATIC_KEY_ID,
        }),
      ]);
      expect(bedrock.requestsFor(modelId).map((r) => r.accessKeyId)).toEqual([
        ASSUMED_KEYS.accessKeyId,
      ]);
    },
  );

  it('is given to the inner clients explicitly, their own lookup off', () => {
    awsFiles();
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url);
    expect(signInClientConfig('analyst-role')).toEqual({
      ignoreConfiguredEndpointUrls: true,
      endpoint: sts.url,
    });
    // A profile with static keys builds no inner client: nothing configured reaches one.
    expect(signInClientConfig('static-keys')).toEqual({ ignoreConfiguredEndpointUrls: true });
    // SSO and SSO OIDC share one clientConfig: differing endpoints (SSO's set, SSO OIDC's AWS's)
    // leave the SDK's own lookup on, each checked; the same one is given to both.
    vi.stubEnv('AWS_ENDPOINT_URL_SSO', 'https://sso.example');
    expect(signInClientConfig('sso-dev')).toEqual({});
    vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', 'https://sso.example');
    expect(signInClientConfig('sso-dev')).toEqual({
      ignoreConfiguredEndpointUrls: true,
      endpoint: 'https://sso.example',
    });
    expect(signInClientConfig(undefined)).toEqual({ ignoreConfiguredEndpointUrls: true });
  });

  it("signs the SDK's default chain in through it too (the CLI without --profile)", async () => {
    awsFiles();
    vi.stubEnv('AWS_PROFILE', 'analyst-role');
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url);
    const before = sts.requests.length;
    await modelCall(checkedCredentials(), 'amazon.nova-lite-v1:0');
    expect(sts.requests.slice(before).map((r) => r.signedBy)).toEqual([STATIC_KEY_ID]);
  });
});

describe('a refused STS endpoint', () => {
  /** The refusal a model call with the assume-role profile meets, and what the stand-ins saw. */
  async function refused(credentials: ReturnType<typeof checkedCredentials>) {
    const seen = {
      sts: sts.connections(),
      bedrock: bedrock.requestsFor('meta.llama3-8b-instruct-v1:0').length,
    };
    const error = await modelCall(credentials, 'meta.llama3-8b-instruct-v1:0').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(sts.connections()).toBe(seen.sts);
    expect(bedrock.requestsFor('meta.llama3-8b-instruct-v1:0')).toHaveLength(seen.bedrock);
    // The model call fails with the refusal's words, not retried: no attempt can help.
    expect(error).toBeInstanceOf(BedrockCallError);
    const call = error as BedrockCallError;
    expect(call.cause).toBeInstanceOf(EndpointRefusedError);
    expect(call.classification).toMatchObject({ kind: 'validation', retryable: false });
    return call.message;
  }
  const HTTP = /must start with https:\/\/: plain http:\/\/ .* unencrypted/;
  const USER = /must not contain a user name or password/;

  it.each<[string, () => string, RegExp]>([
    ['http://example.com', () => 'http://example.com', HTTP],
    ['https://u:p@host', () => 'https://u:p@host', USER],
    // Points at the listening stand-in: it must see no connection at all.
    ['http://u:p@ the loopback stand-in', () => `http://u:p@127.0.0.1:${sts.port}`, USER],
  ])('AWS_ENDPOINT_URL_STS=%s is named before anything is sent', async (_url, url, why) => {
    awsFiles();
    vi.stubEnv('AWS_ENDPOINT_URL_STS', url());
    const message = await refused(profileCredentials('analyst-role'));
    expect(message.startsWith('AWS_ENDPOINT_URL_STS must')).toBe(true);
    expect(message).toMatch(why);
    // The CLI's providers, with --profile and without, refuse the same way.
    expect(await refused(checkedCredentials({ profile: 'analyst-role' }))).toBe(message);
    vi.stubEnv('AWS_PROFILE', 'analyst-role');
    expect(await refused(checkedCredentials())).toBe(message);
  });

  it.each<[string, () => string, RegExp]>([
    ['http://example.com', () => 'http://example.com', HTTP],
    ['http://u:p@ the loopback stand-in', () => `http://u:p@127.0.0.1:${sts.port}`, USER],
  ])(
    'an sts entry %s in a [services] section is named by file, section and key',
    async (_url, url, why) => {
      const files = awsFiles(
        `\n[profile corp]\nservices = corp\n[services corp]\nsts =\n  endpoint_url = ${url()}\n`,
      );
      vi.stubEnv('AWS_PROFILE', 'corp');
      const message = await refused(profileCredentials('analyst-role'));
      expect(
        message.startsWith(`sts.endpoint_url in [services corp] of ${files.configFile} must`),
      ).toBe(true);
      expect(message).toMatch(why);
    },
  );

  it('refuses an SSO endpoint for an SSO profile, and none a profile does not sign in through', async () => {
    awsFiles();
    vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', 'http://example.com');
    expect(await refused(profileCredentials('sso-dev'))).toMatch(/^AWS_ENDPOINT_URL_SSO_OIDC must/);
    // Static keys sign the model call themselves: no inner client, nothing to refuse.
    await modelCall(profileCredentials('static-keys'), 'amazon.nova-pro-v1:0');
    expect(bedrock.requestsFor('amazon.nova-pro-v1:0').map((r) => r.accessKeyId)).toEqual([
      STATIC_KEY_ID,
    ]);
  });

  it('is not looked up when told to ignore configured endpoints', async () => {
    awsFiles();
    vi.stubEnv('AWS_ENDPOINT_URL_STS', 'http://example.com');
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'true');
    expect(signInClientConfig('analyst-role')).toEqual({ ignoreConfiguredEndpointUrls: true });
  });
});
