/**
 * Endpoints the AWS SDK takes from outside the app (AWS_ENDPOINT_URL_*, endpoint_url in the AWS
 * shared config, a [services] section) reach the app's clients only through the endpoint rules:
 * real clients send to the loopback stand-in such a setting names, a refused one is named by its
 * variable or its file, section and key, and the lookup finds what the SDK's own would.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsHomes, type AwsHome } from '../../../test/support/awsHomeFixture';
import { refusal } from '../../../test/support/endpointRefusal';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { startS3StandIn, type S3StandIn } from '../../../test/support/s3StandIn';
import { TEST_KEYS } from '../../../test/support/standInClient';
import { createBatchClients } from '../batch/awsClients';
import { createBedrockClient } from '../bedrock/client';
import { converseOnce } from '../bedrock/converseStream';
import { endpointOf } from '../runner/reachability';
import { configuredEndpoint } from './configuredEndpoint';

const VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_PROFILE',
];
/** A port nothing listens on: a request sent there fails, so the test sees it went astray. */
const CLOSED = 'http://127.0.0.1:9';

const homes = awsHomes((name, value) => vi.stubEnv(name, value));
/** Fresh AWS config files for this test, named by AWS_CONFIG_FILE as a user would. */
const awsFiles = (files: { config?: string; credentials?: string }): AwsHome => homes.use(files);
beforeEach(() => VARIABLES.forEach((name) => vi.stubEnv(name, '')));
afterEach(() => {
  vi.unstubAllEnvs();
  homes.cleanup();
});

const runtime = () =>
  createBedrockClient({
    region: 'us-east-1',
    credentials: TEST_KEYS,
    maxAttempts: 1,
    connectionTimeoutMs: 1_000,
    requestTimeoutMs: 5_000,
  });
const ask = (modelId: string) => ({
  modelId,
  userText: 'Summarize: configured endpoints',
  maxTokens: 20,
  temperature: 0,
  topP: 1,
});

describe('endpoints from the AWS shared config', () => {
  let bedrock: BedrockStandIn;
  let s3: S3StandIn;
  beforeAll(async () => {
    bedrock = await startBedrockStandIn({ fallbackModel: { latencyMs: 1 } });
    s3 = await startS3StandIn({ accessKeys: [TEST_KEYS.accessKeyId] });
  });
  afterAll(async () => {
    await bedrock.close();
    await s3.close();
  });

  it("sends a model call to the loopback stand-in the profile's endpoint_url names", async () => {
    awsFiles({ config: `[default]\nendpoint_url = ${bedrock.url}\n` });
    const client = runtime();
    await converseOnce(client, ask('amazon.nova-micro-v1:0'));
    client.destroy();
    expect(bedrock.requestsFor('amazon.nova-micro-v1:0')).toHaveLength(1);
  });

  it("takes each service's endpoint from the profile's [services] section over its own endpoint_url", async () => {
    awsFiles({
      config: [
        '[profile analyst]',
        'services = local',
        `endpoint_url = ${CLOSED}`,
        '[services local]',
        'bedrock_runtime =',
        `  endpoint_url = ${bedrock.url}`,
        's3 =',
        `  endpoint_url = ${s3.url}`,
        '',
      ].join('\n'),
    });
    vi.stubEnv('AWS_PROFILE', 'analyst');
    const client = runtime();
    await converseOnce(client, ask('amazon.nova-lite-v1:0'));
    client.destroy();
    expect(bedrock.requestsFor('amazon.nova-lite-v1:0')).toHaveLength(1);

    // S3 from the same section, addressed path-style as every custom S3 endpoint is.
    const batch = createBatchClients({ region: 'us-east-1', credentials: TEST_KEYS });
    try {
      await batch.s3.send(new CreateBucketCommand({ Bucket: 'configured-endpoint' }));
      await batch.s3.send(new ListObjectsV2Command({ Bucket: 'configured-endpoint' }));
    } finally {
      batch.destroy();
    }
    expect(s3.requests.filter((r) => r.bucket === 'configured-endpoint')).toHaveLength(2);
    // The control plane has no entry in the section: the profile's own endpoint_url applies.
    expect(configuredEndpoint('Bedrock')?.[1]).toBe(CLOSED);
  });

  it('lets the environment variable win over the files, as the SDK does', async () => {
    awsFiles({ config: '[default]\nendpoint_url = http://example.com\n' });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', bedrock.url);
    const client = runtime();
    await converseOnce(client, ask('meta.llama3-8b-instruct-v1:0'));
    client.destroy();
    expect(bedrock.requestsFor('meta.llama3-8b-instruct-v1:0')).toHaveLength(1);
  });

  it('keeps an https endpoint_url (a VPC endpoint) and the regional one when none is set', async () => {
    const vpce = 'https://vpce-0a1b.bedrock-runtime.us-east-1.vpce.amazonaws.com';
    awsFiles({ config: `[default]\nendpoint_url = ${vpce}\n` });
    expect((await endpointOf(runtime(), 'us-east-1')).href).toBe(`${vpce}/`);
    awsFiles({ config: '[default]\nregion = us-east-1\n' });
    expect((await endpointOf(runtime(), 'us-east-1')).host).toBe(
      'bedrock-runtime.us-east-1.amazonaws.com',
    );
  });

  it.each([
    ['http://example.com', /must start with https:\/\/: plain http:\/\/ .* unencrypted/],
    ['https://u:p@host', /must not contain a user name or password/],
  ])('refuses %s from the config file, naming the file, section and key', (url, why) => {
    const aws = awsFiles({ config: `[default]\nendpoint_url = ${url}\n` });
    const own = refusal(runtime);
    expect(own?.message.startsWith(`endpoint_url in [default] of ${aws.configFile} must`)).toBe(
      true,
    );
    expect(own?.message).toMatch(why);

    const other = awsFiles({
      config: `[profile corp]\nservices = corp\n[services corp]\nbedrock_runtime =\n  endpoint_url = ${url}\n`,
    });
    vi.stubEnv('AWS_PROFILE', 'corp');
    const section = refusal(runtime);
    expect(section?.message).toMatch(
      new RegExp(
        `^bedrock_runtime\\.endpoint_url in \\[services corp\\] of ${other.configFile.replace(/[.\\/]/g, '\\$&')} must`,
      ),
    );
    expect(section?.message).toMatch(why);
  });

  it('refuses endpoint_url from the credentials file too, naming that file', () => {
    const aws = awsFiles({ credentials: '[default]\nendpoint_url = http://10.1.2.3:8080\n' });
    expect(refusal(runtime)?.message).toMatch(
      `endpoint_url in [default] of ${aws.credentialsFile} must start with https://`,
    );
  });

  it('refuses AWS_ENDPOINT_URL_BEDROCK_RUNTIME with a user and password in it, naming it', () => {
    awsFiles({});
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'https://u:p@host');
    expect(refusal(runtime)?.message).toMatch(
      /^AWS_ENDPOINT_URL_BEDROCK_RUNTIME must not contain a user name or password/,
    );
  });

  it('uses no configured endpoint when told to ignore them, in the environment or the profile', async () => {
    awsFiles({ config: '[default]\nendpoint_url = http://example.com\n' });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'http://example.com');
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'true');
    expect((await endpointOf(runtime(), 'us-east-1')).host).toBe(
      'bedrock-runtime.us-east-1.amazonaws.com',
    );

    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', '');
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', '');
    awsFiles({
      config:
        '[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://example.com\n',
    });
    expect(refusal(runtime)).toBeUndefined();
    // The variable wins over the profile's setting.
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'false');
    expect(refusal(runtime)?.message).toMatch(/^endpoint_url in \[default\] of .* must/);
  });
});

describe("the lookup finds what the SDK's own does", () => {
  /** The SDK's own answer: a client built without the app's factory, its lookup left on. */
  async function sdkFinds(): Promise<string | undefined> {
    const client = new BedrockRuntimeClient({ region: 'us-east-1', credentials: TEST_KEYS });
    const config = client.config as unknown as {
      serviceConfiguredEndpoint: () => Promise<string | undefined>;
    };
    try {
      return await config.serviceConfiguredEndpoint();
    } finally {
      client.destroy();
    }
  }

  const A = 'https://a.example';
  const B = 'https://b.example';
  it.each<[string, { config?: string; credentials?: string }, Record<string, string>]>([
    ['no setting', { config: '[default]\nregion = us-east-1\n' }, {}],
    ["the profile's endpoint_url", { config: `[default]\nendpoint_url = ${A}\n` }, {}],
    [
      '[profile default] over [default]',
      { config: `[default]\nendpoint_url = ${A}\n[profile default]\nendpoint_url = ${B}\n` },
      {},
    ],
    [
      'the config file over the credentials file',
      {
        config: `[default]\nendpoint_url = ${A}\n`,
        credentials: `[default]\nendpoint_url = ${B}\n`,
      },
      {},
    ],
    ['the credentials file alone', { credentials: `[default]\nendpoint_url = ${B}\n` }, {}],
    [
      'the [services] entry over the profile',
      {
        config: `[default]\nservices = s\nendpoint_url = ${A}\n[services s]\nbedrock_runtime =\n  endpoint_url = ${B}\n`,
      },
      {},
    ],
    [
      'a [services] section without this service',
      {
        config: `[default]\nservices = s\nendpoint_url = ${A}\n[services s]\ns3 =\n  endpoint_url = ${B}\n`,
      },
      {},
    ],
    [
      'a [services] section that is missing',
      { config: `[default]\nservices = gone\nendpoint_url = ${A}\n` },
      {},
    ],
    [
      'AWS_PROFILE',
      { config: `[default]\nendpoint_url = ${A}\n[profile other]\nendpoint_url = ${B}\n` },
      { AWS_PROFILE: 'other' },
    ],
    [
      'AWS_ENDPOINT_URL over the files',
      { config: `[default]\nendpoint_url = ${A}\n` },
      { AWS_ENDPOINT_URL: B },
    ],
    [
      "the service's variable over AWS_ENDPOINT_URL",
      {},
      { AWS_ENDPOINT_URL: A, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: B },
    ],
    [
      'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
      { config: `[default]\nendpoint_url = ${A}\n` },
      { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: B },
    ],
    [
      'ignore_configured_endpoint_urls in the profile',
      { config: `[default]\nignore_configured_endpoint_urls = true\nendpoint_url = ${A}\n` },
      { AWS_ENDPOINT_URL: B },
    ],
  ])('%s', async (_case, files, env) => {
    awsFiles(files);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(configuredEndpoint('Bedrock Runtime')?.[1]).toBe(await sdkFinds());
  });
});
