import { describe, expect, it } from 'vitest';
import { endpointProblem, isLoopbackHost } from './endpoint';
import { AwsSettingsSchema, DEFAULT_AWS_SETTINGS } from './settings';

describe('endpointProblem', () => {
  it.each([
    'https://bedrock-runtime.us-east-1.amazonaws.com',
    'https://vpce-0abc.bedrock-runtime.us-east-1.vpce.amazonaws.com:443/',
    'http://127.0.0.1:4010',
    'http://127.8.9.10',
    'http://localhost:4010',
    'http://LOCALHOST',
    'http://[::1]:4010',
  ])('allows %s', (url) => {
    expect(endpointProblem(url)).toBeNull();
  });

  it.each([
    ['http://bedrock-runtime.us-east-1.amazonaws.com', /unencrypted/],
    ['http://192.168.1.10:4010', /unencrypted/],
    ['http://127.0.0.1.evil.example', /unencrypted/],
    ['http://localhost@evil.example', /user name/],
    ['https://user:pass@vpce.example.com', /user name or password/],
    ['https://token@vpce.example.com', /user name or password/],
    ['ftp://example.com', /https:\/\//],
    ['file:///etc/passwd', /https:\/\//],
    ['not a url', /must be a URL/],
  ])('refuses %s', (url, message) => {
    expect(endpointProblem(url)).toMatch(message);
  });

  it('starts its message with the name of the setting, flag or variable', () => {
    expect(endpointProblem('http://example.com', 'AWS_ENDPOINT_URL_S3')).toMatch(
      /^AWS_ENDPOINT_URL_S3 must start with https:\/\//,
    );
    expect(endpointProblem('https://user:pass@host', '--s3-endpoint')).toMatch(
      /^--s3-endpoint must not contain a user name or password/,
    );
    expect(endpointProblem('http://127.0.0.1:4010', '--s3-endpoint')).toBeNull();
  });

  it('knows loopback names from look-alikes', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('app.localhost')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('AwsSettingsSchema endpointOverride', () => {
  const parse = (endpointOverride: string | null) =>
    AwsSettingsSchema.safeParse({ ...DEFAULT_AWS_SETTINGS, endpointOverride });

  it('names the field and says why a plain http:// endpoint elsewhere is refused', () => {
    const r = parse('http://bedrock.example.com');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['endpointOverride']);
    expect(r.error?.issues[0]?.message).toMatch(/unencrypted/);
  });

  it('refuses credentials in the URL and over-long URLs, and accepts loopback and https', () => {
    expect(parse('https://a:b@example.com').success).toBe(false);
    expect(parse(`https://example.com/${'x'.repeat(3000)}`).success).toBe(false);
    expect(parse('http://127.0.0.1:4010').success).toBe(true);
    expect(parse('https://bedrock-runtime.eu-west-1.amazonaws.com').success).toBe(true);
    expect(parse(null).success).toBe(true);
  });
});
