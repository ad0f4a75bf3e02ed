import { describe, expect, it } from 'vitest';
import { parsePrice, parseRunArgs, UsageError } from './cliArgs';
import { priceBookOf } from '../../shared/pricing/priceBook';
import { PriceOverrideSchema } from '../../shared/pricing/priceSchemas';
import { modelPrices } from './cliExperiment';

const NEW = ['--dataset', 'p.txt', '--teacher', 't-v1:0', '--student', 's-v1:0'];

describe('parseRunArgs', () => {
  it('fills the defaults the app uses and reads the environment', () => {
    const args = parseRunArgs(NEW, {
      DISTILL_ROI_DATA_DIR: '/data',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:9',
    });
    expect(args).toMatchObject({
      dataDir: '/data',
      endpoint: 'http://127.0.0.1:9',
      dataset: { file: 'p.txt' },
      teacher: 't-v1:0',
      students: ['s-v1:0'],
      region: 'us-east-1',
      repeats: 3,
      concurrency: 4,
      maxTokens: 512,
      budgetUsd: null,
      json: false,
    });
  });

  it('lets flags win over the environment and takes several students and prices', () => {
    const args = parseRunArgs(
      [
        ...NEW,
        ...['--student', 's2-v1:0', '--data-dir', '/flag', '--endpoint', 'http://[::1]:1'],
        ...['--budget', '2.5', '--price', 't-v1:0=0.001,0.002', '--json', '--repeats', '1'],
      ],
      { DISTILL_ROI_DATA_DIR: '/env' },
    );
    expect(args).toMatchObject({
      dataDir: '/flag',
      endpoint: 'http://[::1]:1',
      students: ['s-v1:0', 's2-v1:0'],
      budgetUsd: 2.5,
      repeats: 1,
      json: true,
      prices: [{ modelId: 't-v1:0', inputUsdPer1k: 0.001, outputUsdPer1k: 0.002 }],
    });
  });

  it.each([
    [[], /--dataset FILE or --dataset-id/],
    [['--dataset', 'a', '--dataset-id', 'b', '--teacher', 't', '--student', 's'], /either/],
    [['--dataset', 'a', '--teacher', 't'], /--student/],
    [[...NEW, '--repeats', '2.5'], /whole number/],
    [[...NEW, '--concurrency', 'many'], /whole number/],
    [[...NEW, '--bogus'], /Unknown option/],
    [['--resume', 'id', '--teacher', 't'], /drop --teacher/],
    [[...NEW, '--retry-failed'], /goes with --resume/],
    [[...NEW, '--endpoint', 'http://bedrock.example.com'], /^--endpoint must start with https:/],
    [[...NEW, '--endpoint', 'https://u:p@vpce.example.com'], /^--endpoint must not .*user name/],
    [[...NEW, '--bedrock-endpoint', 'http://example.com'], /^--bedrock-endpoint must start with/],
    [[...NEW, '--s3-endpoint', 'https://user:pass@host'], /^--s3-endpoint must not .*password/],
    [[...NEW, '--stall-idle', '0'], /^--stall-idle must be from 1 s to 600 s, or left out/],
    [[...NEW, '--stall-first-event', '601'], /^--stall-first-event must be from 1 s to 600 s/],
    [[...NEW, '--stall-first-event', ''], /^--stall-first-event must be a number of seconds/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseRunArgs(argv, {})).toThrow(UsageError);
    expect(() => parseRunArgs(argv, {})).toThrow(message);
  });

  it.each([
    ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'http://example.com', /must start with https:/],
    ['AWS_ENDPOINT_URL_BEDROCK', 'https://user:pass@host', /must not contain a user name/],
    ['AWS_ENDPOINT_URL_S3', 'http://example.com', /must start with https:/],
  ])('names %s when the environment gives an endpoint the rules refuse', (name, url, message) => {
    expect(() => parseRunArgs(NEW, { [name]: url })).toThrow(UsageError);
    expect(() => parseRunArgs(NEW, { [name]: url })).toThrow(new RegExp(`^${name} `));
    expect(() => parseRunArgs(NEW, { [name]: url })).toThrow(message);
    // A flag wins over the variable, and loopback http and https are allowed.
    expect(
      parseRunArgs(
        [...NEW, '--endpoint', 'https://host', '--bedrock-endpoint', 'http://127.0.0.1:4010'],
        { AWS_ENDPOINT_URL_S3: 'https://s3.example.com', [name]: 'https://host.example.com' },
      ),
    ).toMatchObject({
      endpoint: 'https://host',
      bedrockEndpoint: 'http://127.0.0.1:4010',
    });
  });

  it('takes the hang limits in seconds, as milliseconds, with a resume too; unset is null', () => {
    expect(parseRunArgs(NEW, {}).hang).toEqual({ stallFirstEventMs: null, stallIdleMs: null });
    expect(
      parseRunArgs(['--resume', 'abc', '--stall-first-event', '2.5', '--stall-idle', '30'], {})
        .hang,
    ).toEqual({ stallFirstEventMs: 2_500, stallIdleMs: 30_000 });
  });

  it('accepts a resume with the common options only', () => {
    expect(parseRunArgs(['--resume', 'abc', '--retry-failed', '--json'], {})).toMatchObject({
      resume: 'abc',
      retryFailed: true,
      json: true,
    });
  });
});

describe('prices', () => {
  it('parses MODEL=IN,OUT, including ids with colons', () => {
    expect(parsePrice('meta.llama3-8b-instruct-v1:0=0.0003,0.0006')).toEqual({
      modelId: 'meta.llama3-8b-instruct-v1:0',
      inputUsdPer1k: 0.0003,
      outputUsdPer1k: 0.0006,
    });
    expect(() => parsePrice('m=1')).toThrow(UsageError);
    expect(() => parsePrice('m=-1,2')).toThrow(UsageError);
  });

  it('takes the catalog price, lets --price override it, and names every missing one', () => {
    const prices = modelPrices(
      ['meta.llama3-70b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0'],
      'us-east-1',
      [{ modelId: 'meta.llama3-8b-instruct-v1:0', inputUsdPer1k: 1, outputUsdPer1k: 2 }],
      '2025-06-01',
    );
    expect(prices[0]).toMatchObject({ inputUsdPer1k: 0.00265, outputUsdPer1k: 0.0035 });
    expect(prices[0]?.overridden).toBe(false);
    expect(prices[1]).toMatchObject({ inputUsdPer1k: 1, outputUsdPer1k: 2, overridden: true });
    expect(prices[1]?.origin).toEqual({
      kind: 'typed',
      asOf: '2025-06-01',
      note: 'given with --price',
    });
    // An override saved in the data folder prices the CLI as it prices the setup screen.
    const book = priceBookOf([
      {
        scenarioId: null,
        override: PriceOverrideSchema.parse({
          modelId: 'meta.llama3-70b-instruct-v1:0',
          region: 'us-east-1',
          inputUsdPer1k: 0.002,
          asOf: '2025-05-01',
          note: 'AWS quote',
        }),
      },
    ]);
    const [teacher] = modelPrices(['meta.llama3-70b-instruct-v1:0'], 'us-east-1', [], 'x', book);
    expect(teacher).toMatchObject({ inputUsdPer1k: 0.002, overridden: true });
    expect(teacher?.origin).toMatchObject({ kind: 'override', note: 'AWS quote' });
    expect(() => modelPrices(['x.one-v1:0', 'x.two-v1:0'], 'us-east-1', [], '2025-06-01')).toThrow(
      /x\.one-v1:0[\s\S]*x\.two-v1:0/,
    );
  });
});
