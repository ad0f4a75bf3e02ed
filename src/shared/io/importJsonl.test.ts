import { describe, expect, it } from 'vitest';
import { parseParagraphFile } from './importParagraphs';

const parse = (text: string, fileName = 'paragraphs.jsonl') =>
  parseParagraphFile({ fileName, bytes: new TextEncoder().encode(text) });

describe('JSONL import', () => {
  it('reads text, reference and tags (list or string), skipping blank lines', () => {
    const lines = [
      JSON.stringify({ text: 'First', reference: 'Ref one', tags: ['a', ' b ', 'A'] }),
      '',
      JSON.stringify({ text: '  Second  ', reference: null, tags: 'x; y|z' }),
      '   ',
      JSON.stringify({ id: 7, text: 'Third 😀 שלום', extra: { nested: true } }),
    ];
    expect(parse(lines.join('\r\n'))).toEqual({
      ok: true,
      format: 'jsonl',
      accepted: [
        { line: 1, text: 'First', reference: 'Ref one', tags: ['a', 'b'] },
        { line: 3, text: 'Second', reference: null, tags: ['x', 'y', 'z'] },
        { line: 5, text: 'Third 😀 שלום', reference: null, tags: [] },
      ],
      rejected: [],
      warnings: [],
    });
  });

  it('treats .ndjson as JSON Lines', () => {
    expect(parse('{"text":"Hi"}', 'x.ndjson')).toMatchObject({ ok: true, format: 'jsonl' });
  });

  it('rejects malformed JSON lines with their line numbers and keeps the rest', () => {
    const preview = parse(
      '{"text":"ok"}\n{"text": "unterminated\n{text: "no quotes"}\n{"text":"ok2"}',
    );
    expect(preview).toMatchObject({
      ok: true,
      accepted: [
        { line: 1, text: 'ok' },
        { line: 4, text: 'ok2' },
      ],
      rejected: [
        {
          line: 2,
          reason: expect.stringMatching(/^Not valid JSON: /),
          excerpt: '{"text": "unterminated',
        },
        { line: 3, reason: expect.stringMatching(/^Not valid JSON: /) },
      ],
    });
  });

  it.each([
    ['[1,2]', 'found an array'],
    ['42', 'found a number'],
    ['"text"', 'found a string'],
    ['null', 'found null'],
    ['true', 'found a boolean'],
  ])('rejects the non-object line %s', (line, found) => {
    expect(parse(line)).toMatchObject({
      accepted: [],
      rejected: [{ line: 1, reason: `Expected a JSON object with a "text" field, ${found}.` }],
    });
  });

  it.each([
    ['{"reference":"r"}', 'Missing the "text" field.'],
    ['{"text":5}', '"text" must be a string, found a number.'],
    ['{"text":"  "}', 'The paragraph text is empty.'],
    ['{"text":""}', 'The paragraph text is empty.'],
    ['{"text":"t","reference":3}', '"reference" must be a string or null, found a number.'],
    [
      '{"text":"t","tags":{"a":1}}',
      '"tags" must be a list of strings or a string, found an object.',
    ],
    [
      '{"text":"t","tags":["a",1]}',
      '"tags" must be a list of strings or a string, found a list with a non-string item.',
    ],
  ])('rejects %s', (line, reason) => {
    expect(parse(line)).toMatchObject({ rejected: [{ line: 1, reason }] });
  });

  it('rejects a paragraph over 100,000 characters', () => {
    expect(parse(JSON.stringify({ text: 'y'.repeat(100_001) }))).toMatchObject({
      rejected: [{ line: 1, reason: 'The paragraph is 100,001 characters; the limit is 100,000.' }],
    });
  });

  it('does not let __proto__ or constructor keys pollute anything', () => {
    const lines = [
      '{"__proto__": {"polluted": true}, "text": "a"}',
      '{"constructor": {"prototype": {"polluted": true}}, "text": "b"}',
      '{"__proto__": {"text": "inherited"}}',
      '{"text": "c", "__proto__": {"reference": "inherited", "tags": ["x"]}}',
    ];
    const preview = parse(lines.join('\n'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(preview).toMatchObject({
      accepted: [
        { line: 1, text: 'a' },
        { line: 2, text: 'b' },
        { line: 4, text: 'c', reference: null, tags: [] },
      ],
      rejected: [{ line: 3, reason: 'Missing the "text" field.' }],
    });
    if (!preview.ok) return;
    for (const paragraph of preview.accepted) {
      expect(Object.keys(paragraph).sort()).toEqual(['line', 'reference', 'tags', 'text']);
      expect(Object.getPrototypeOf(paragraph)).toBe(Object.prototype);
    }
  });

  it('refuses a file with only blank lines between CRs', () => {
    expect(parse('\r\n \r\n')).toEqual({ ok: false, message: 'The file has only blank lines.' });
  });
});
