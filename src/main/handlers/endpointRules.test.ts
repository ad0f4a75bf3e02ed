/**
 * The endpoint rules hold for every endpoint the app sends to, whichever way it is set: each
 * client factory refuses plain http:// to another computer and credentials in the URL, given or
 * from the SDK's environment variables, naming where the endpoint came from, and builds the
 * client for loopback http and for https. The same holds for an endpoint_url in the AWS shared
 * config (credentials/configuredEndpoint.test.ts has the precedence). Then the app's channels
 * say so in words.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startPriceListStandIn,
  type PriceListStandIn,
} from '../../../test/support/priceListStandIn';
import { bedrockRows } from '../../../test/support/offerFiles';
import { insertRunnerExperiment } from '../../../test/support/runnerFixture';
import { makeAwsHome, type AwsHome } from '../../../test/support/awsHomeFixture';
import { refusal } from '../../../test/support/endpointRefusal';
import { TEST_KEYS } from '../../../test/support/standInClient';
import { makeTestCore } from '../../../test/support/testCore';
import { createBatchClients } from '../batch/awsClients';
import { createBedrockClient } from '../bedrock/client';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { createCostExplorerClient } from '../billing/costExplorerClient';
import { createPricingClient } from '../priceList/getProducts';
import { openSource, PriceListFetchError } from '../priceList/priceListHttp';

const ENDPOINT_VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
  'AWS_ENDPOINT_URL_COST_EXPLORER',
  'AWS_ENDPOINT_URL_PRICING',
  'DISTILL_ROI_PRICE_LIST_URL',
  'AWS_PROFILE',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
];
// Nothing from the machine running the tests: each test sets what it checks.
beforeEach(() => {
  ENDPOINT_VARIABLES.forEach((name) => vi.stubEnv(name, ''));
  vi.stubEnv('AWS_CONFIG_FILE', '/dev/null');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/dev/null');
});
let aws: AwsHome | undefined;
afterEach(() => {
  vi.unstubAllEnvs();
  aws?.cleanup();
  aws = undefined;
});
/** An AWS config file with `config` in it, named by AWS_CONFIG_FILE. */
function awsConfig(config: string): string {
  aws = makeAwsHome({ config });
  vi.stubEnv('AWS_CONFIG_FILE', aws.configFile);
  return aws.configFile;
}

const base = { region: 'us-east-1', credentials: TEST_KEYS };

/** Each kind of client, built by its factory with `endpoint` given (or none). */
const KINDS: {
  kind: string;
  /** How the message names an endpoint given to the factory. */
  given: string;
  variable: string;
  /** Its key in a [services] section of the AWS config file. */
  service: string;
  build: (endpoint: string | undefined) => { destroy(): void };
}[] = [
  {
    kind: 'Bedrock runtime',
    given: 'The endpoint',
    variable: 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
    service: 'bedrock_runtime',
    build: (endpoint) =>
      createBedrockClient({
        ...base,
        ...(endpoint !== undefined ? { endpoint } : {}),
        maxAttempts: 1,
        connectionTimeoutMs: 100,
        requestTimeoutMs: 100,
      }),
  },
  {
    kind: 'Bedrock control plane',
    given: 'The control-plane endpoint',
    variable: 'AWS_ENDPOINT_URL_BEDROCK',
    service: 'bedrock',
    build: (endpoint) =>
      createControlPlaneClient({ ...base, ...(endpoint !== undefined ? { endpoint } : {}) }),
  },
  {
    kind: 'batch control plane',
    given: 'The control-plane endpoint',
    variable: 'AWS_ENDPOINT_URL_BEDROCK',
    service: 'bedrock',
    build: (endpoint) =>
      createBatchClients({
        ...base,
        ...(endpoint !== undefined ? { bedrockEndpoint: endpoint } : {}),
      }),
  },
  {
    kind: 'S3',
    given: 'The S3 endpoint',
    variable: 'AWS_ENDPOINT_URL_S3',
    service: 's3',
    build: (endpoint) =>
      createBatchClients({ ...base, ...(endpoint !== undefined ? { s3Endpoint: endpoint } : {}) }),
  },
  {
    kind: 'Service Quotas',
    given: 'The Service Quotas endpoint',
    variable: 'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
    service: 'service_quotas',
    build: (endpoint) =>
      createBatchClients({
        ...base,
        ...(endpoint !== undefined ? { serviceQuotasEndpoint: endpoint } : {}),
      }),
  },
  {
    kind: 'Cost Explorer',
    given: 'The Cost Explorer endpoint',
    variable: 'AWS_ENDPOINT_URL_COST_EXPLORER',
    service: 'cost_explorer',
    build: (endpoint) =>
      createCostExplorerClient({
        credentials: TEST_KEYS,
        ...(endpoint !== undefined ? { endpoint } : {}),
      }),
  },
  {
    kind: 'Price List API',
    given: 'The Price List API endpoint',
    variable: 'AWS_ENDPOINT_URL_PRICING',
    service: 'pricing',
    build: (endpoint) =>
      createPricingClient({
        credentials: TEST_KEYS,
        ...(endpoint !== undefined ? { endpoint } : {}),
      }),
  },
];

const REFUSED = [
  ['http://example.com', /must start with https:\/\/: plain http:\/\/ .* unencrypted/],
  ['https://user:pass@host', /must not contain a user name or password/],
] as const;
const ALLOWED = ['http://127.0.0.1:4010', 'https://host'];

describe.each(KINDS)('the $kind client', ({ given, variable, service, build }) => {
  it.each(REFUSED)('refuses %s given to its factory, naming it', (url, why) => {
    const e = refusal(() => build(url));
    expect(e?.message.startsWith(`${given} must`)).toBe(true);
    expect(e?.message).toMatch(why);
  });

  it.each(REFUSED)(`refuses %s in ${variable}, naming the variable`, (url, why) => {
    vi.stubEnv(variable, url);
    const e = refusal(() => build(undefined));
    expect(e?.message.startsWith(`${variable} must`)).toBe(true);
    expect(e?.message).toMatch(why);
  });

  it.each(REFUSED)('refuses %s in AWS_ENDPOINT_URL, which the SDK falls back on', (url, why) => {
    vi.stubEnv('AWS_ENDPOINT_URL', url);
    const e = refusal(() => build(undefined));
    expect(e?.message.startsWith('AWS_ENDPOINT_URL must')).toBe(true);
    expect(e?.message).toMatch(why);
  });

  it.each(REFUSED)(
    'refuses %s as endpoint_url in the AWS config file, naming the file, section and key',
    (url, why) => {
      const file = awsConfig(`[default]\nendpoint_url = ${url}\n`);
      const e = refusal(() => build(undefined));
      expect(e?.message.startsWith(`endpoint_url in [default] of ${file} must`)).toBe(true);
      expect(e?.message).toMatch(why);
    },
  );

  it.each(REFUSED)('refuses %s in its [services] entry, naming the entry', (url, why) => {
    const file = awsConfig(
      `[default]\nservices = corp\n[services corp]\n${service} =\n  endpoint_url = ${url}\n`,
    );
    const e = refusal(() => build(undefined));
    expect(
      e?.message.startsWith(`${service}.endpoint_url in [services corp] of ${file} must`),
    ).toBe(true);
    expect(e?.message).toMatch(why);
  });

  it.each(ALLOWED)('builds for %s, given, from the environment or the config file', (url) => {
    expect(refusal(() => build(url))).toBeUndefined();
    vi.stubEnv(variable, url);
    expect(refusal(() => build(undefined))).toBeUndefined();
    vi.stubEnv(variable, '');
    vi.stubEnv('AWS_ENDPOINT_URL', url);
    expect(refusal(() => build(undefined))).toBeUndefined();
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    awsConfig(`[default]\nendpoint_url = ${url}\n`);
    expect(refusal(() => build(undefined))).toBeUndefined();
  });
});

describe('the Price List', () => {
  let standIn: PriceListStandIn;
  beforeEach(async () => {
    standIn = await startPriceListStandIn();
    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-07-01T00:00:00Z',
      rows: bedrockRows('us-east-1'),
    });
  });
  afterEach(() => standIn.close());

  it.each(REFUSED)('is never read from %s, whatever URL led there', async (url, why) => {
    const read = openSource(`${url}/offers/v1.0/aws/index.json`);
    await expect(read).rejects.toThrow(PriceListFetchError);
    await expect(read).rejects.toThrow(why);
    expect(standIn.requests).toEqual([]);
  });

  it.each(REFUSED)(
    'refresh refuses %s in DISTILL_ROI_PRICE_LIST_URL, naming it',
    async (url, why) => {
      vi.stubEnv('DISTILL_ROI_PRICE_LIST_URL', url);
      const t = await makeTestCore();
      try {
        const r = await t.call('refreshPrices', { regions: ['us-east-1'] });
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(r.ok ? '' : r.error.message).toMatch(/^DISTILL_ROI_PRICE_LIST_URL must/);
        expect(r.ok ? '' : r.error.message).toMatch(why);
      } finally {
        await t.cleanup();
      }
    },
  );

  it('refresh reads a loopback Price List named by DISTILL_ROI_PRICE_LIST_URL', async () => {
    vi.stubEnv('DISTILL_ROI_PRICE_LIST_URL', standIn.url);
    const t = await makeTestCore();
    try {
      const [r] = await t.value('refreshPrices', { regions: ['us-east-1'] });
      expect(r?.message).toMatch(/^Saved \d+ prices for us-east-1/);
    } finally {
      await t.cleanup();
    }
  });
});

describe('the app says which endpoint it refused', () => {
  it.each(REFUSED)('model lists with %s in AWS_ENDPOINT_URL_BEDROCK', async (url, why) => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', url);
    const t = await makeTestCore();
    try {
      // The stored (here the shipped) list is shown, with why the account's could not be read.
      const { notice, origin } = await t.value('listModels', {
        region: 'us-east-1',
        refresh: true,
      });
      expect(origin).toBe('shipped');
      expect(notice).toMatch(/^Could not read the model list: AWS_ENDPOINT_URL_BEDROCK must/);
      expect(notice).toMatch(why);
    } finally {
      await t.cleanup();
    }
  });

  it.each(REFUSED)('a run with %s in AWS_ENDPOINT_URL_BEDROCK_RUNTIME', async (url, why) => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', url);
    const t = await makeTestCore();
    try {
      const { experimentId } = insertRunnerExperiment(t.core.ctx.db, { paragraphs: 1 });
      const r = await t.call('startExperiment', { id: experimentId, confirmOverBudget: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(r.ok ? '' : r.error.message).toMatch(/^AWS_ENDPOINT_URL_BEDROCK_RUNTIME must/);
      expect(r.ok ? '' : r.error.message).toMatch(why);
      // Nothing started: the experiment is still a draft.
      expect((await t.value('getRunProgress', { id: experimentId })).status).toBe('draft');
    } finally {
      await t.cleanup();
    }
  });
});
