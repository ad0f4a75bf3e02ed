import { describe, expect, it } from 'vitest';
import { parseIni } from './iniFile';

const asObject = (content: string) =>
  Object.fromEntries([...parseIni(content)].map(([name, kv]) => [name, Object.fromEntries(kv)]));

describe('parseIni', () => {
  it('reads sections and settings, trimming both', () => {
    expect(asObject('[default]\nregion = eu-west-1\n[ profile   dev ]\noutput=json\n')).toEqual({
      default: { region: 'eu-west-1' },
      'profile dev': { output: 'json' },
    });
  });

  it('skips comments, but keeps a # that is part of a value', () => {
    const ini = [
      '# top comment',
      '[x]',
      '; another',
      'a = 1 # trailing comment',
      'b = 2 ; trailing too',
      'url = https://example.com/start#/',
    ].join('\r\n');
    expect(asObject(ini)).toEqual({ x: { a: '1', b: '2', url: 'https://example.com/start#/' } });
  });

  it('nests indented settings under a key with no value, as the AWS CLI does', () => {
    const ini = '[p]\ns3 =\n  max_concurrent_requests = 10\nregion = us-east-1\n';
    expect(asObject(ini)).toEqual({
      p: { 's3.max_concurrent_requests': '10', region: 'us-east-1' },
    });
  });

  it('ignores settings before any section and lines without a key', () => {
    expect(asObject('stray = 1\n[a]\n= nothing\njunk\nk = v\n')).toEqual({ a: { k: 'v' } });
  });

  it('treats "__proto__" as an ordinary section name', () => {
    const sections = parseIni('[__proto__]\npolluted = yes\n');
    expect(sections.get('__proto__')?.get('polluted')).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges a section that appears twice', () => {
    expect(asObject('[a]\nx = 1\n[b]\n[a]\ny = 2\n')).toEqual({ a: { x: '1', y: '2' }, b: {} });
  });
});
