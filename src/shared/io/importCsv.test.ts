import { describe, expect, it } from 'vitest';
import { parseParagraphFile } from './importParagraphs';

const parse = (text: string) =>
  parseParagraphFile({ fileName: 'paragraphs.csv', bytes: new TextEncoder().encode(text) });

const messageOf = (preview: ReturnType<typeof parse>): string => {
  if (preview.ok) throw new Error('expected the file to be refused');
  return preview.message;
};

describe('CSV import: good files', () => {
  it('reads text, reference and tags with quoting, newlines and unicode', () => {
    const csv = [
      'id,Text,Reference,Tags',
      '1,"Shares fell 4.2%, analysts said ""ouch"".","Shares fell.","finance; markets|Finance"',
      '2,"Line one',
      'line two",,',
      '3,שלום 😀,"",news',
    ].join('\r\n');
    expect(parse(csv)).toEqual({
      ok: true,
      format: 'csv',
      accepted: [
        {
          line: 2,
          text: 'Shares fell 4.2%, analysts said "ouch".',
          reference: 'Shares fell.',
          tags: ['finance', 'markets'],
        },
        { line: 3, text: 'Line one\nline two', reference: null, tags: [] },
        { line: 5, text: 'שלום 😀', reference: null, tags: ['news'] },
      ],
      rejected: [],
      warnings: ['Ignored columns: "id".'],
    });
  });

  it('accepts the paragraph and summary aliases, case-insensitively', () => {
    expect(parse(' PARAGRAPH , Summary\nHello,Hi')).toMatchObject({
      accepted: [{ text: 'Hello', reference: 'Hi' }],
      warnings: [],
    });
  });

  it('prefers text over paragraph when both are present', () => {
    expect(parse('paragraph,text\nA,B')).toMatchObject({
      accepted: [{ text: 'B' }],
      warnings: ['Ignored columns: "paragraph".'],
    });
  });

  it('detects a semicolon-delimited file (Excel in decimal-comma locales)', () => {
    expect(parse('text;reference;tags\n"Hallo, Welt";Gruß;"a;b"\nZweiter;;')).toMatchObject({
      ok: true,
      accepted: [
        { line: 2, text: 'Hallo, Welt', reference: 'Gruß', tags: ['a', 'b'] },
        { line: 3, text: 'Zweiter', reference: null, tags: [] },
      ],
      warnings: ['Read as semicolon-separated values.'],
    });
  });

  it('detects a tab-delimited file', () => {
    expect(parse('text\treference\nHello, world\tHi')).toMatchObject({
      accepted: [{ text: 'Hello, world', reference: 'Hi' }],
      warnings: ['Read as tab-separated values.'],
    });
  });

  it('reads a single-column file and skips blank lines', () => {
    expect(parse('text\nfirst\n\n\nsecond\n')).toMatchObject({
      accepted: [
        { line: 2, text: 'first' },
        { line: 5, text: 'second' },
      ],
    });
  });

  it('never lets header names such as __proto__ touch any prototype', () => {
    const preview = parse('__proto__,text,constructor\n{"polluted":1},Hello,x');
    expect(preview).toMatchObject({ accepted: [{ text: 'Hello' }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('CSV import: bad files and rows', () => {
  it('refuses a file without a text column, naming the columns found', () => {
    expect(messageOf(parse('title,body\nA,B'))).toBe(
      'No "text" (or "paragraph") column in the header row. Columns found: "title", "body".',
    );
  });

  it('refuses a header-only file', () => {
    expect(messageOf(parse('text,reference\n'))).toBe(
      'The file has a header row but no data rows.',
    );
  });

  it('refuses an unterminated quote with the line it opened on', () => {
    expect(messageOf(parse('text\nfine\n"broken\nstill broken\n'))).toContain('starts on line 3');
  });

  it('rejects rows whose text is empty or whitespace', () => {
    expect(parse('text,reference\n"   ",ref\n,ref2\nok,')).toMatchObject({
      accepted: [{ line: 4, text: 'ok' }],
      rejected: [
        { line: 2, reason: 'The paragraph text is empty.', excerpt: '" ",ref' },
        { line: 3, reason: 'The paragraph text is empty.', excerpt: ',ref2' },
      ],
    });
  });

  it('rejects rows with the wrong number of fields', () => {
    expect(parse('text,reference\na\nb,c,d\ne,f')).toMatchObject({
      accepted: [{ line: 4, text: 'e', reference: 'f' }],
      rejected: [
        { line: 2, reason: 'The row has 1 field; the header has 2 columns.', excerpt: 'a' },
        { line: 3, reason: 'The row has 3 fields; the header has 2 columns.', excerpt: 'b,c,d' },
      ],
    });
  });

  it('rejects a row with text after a closing quote, keeping the rest', () => {
    expect(parse('text\n"abc"def\nfine')).toMatchObject({
      accepted: [{ text: 'fine' }],
      rejected: [{ line: 2, reason: expect.stringContaining('after a closing quote') }],
    });
  });

  it('normalises tags and warns about dropped ones', () => {
    const many = Array.from({ length: 23 }, (_, i) => `t${i}`).join('|');
    const preview = parse(`text,tags\nHello,"${many};${'x'.repeat(41)}"`);
    expect(preview).toMatchObject({ accepted: [{ tags: expect.any(Array) }] });
    if (!preview.ok) return;
    expect(preview.accepted[0]?.tags).toHaveLength(20);
    expect(preview.warnings).toEqual([
      'Line 2: dropped 1 tag longer than 40 characters.',
      'Line 2: kept the first 20 tags and dropped 3 tags.',
    ]);
  });

  // How fast these wide files are handled is a bench figure (bench/importBench.ts).
  it('refuses a 10,000-column header with the count and the limit', () => {
    const header = ['text', ...Array.from({ length: 9_999 }, (_, i) => `c${i}`)].join(',');
    const row = Array.from({ length: 10_000 }, () => 'v').join(',');
    const message = messageOf(parse(`${header}\n${row}\n`.repeat(1)));
    expect(message).toBe('The header row has 10,000 columns; the limit is 1,000.');
  });

  it('rejects a 10,000-field data row under a narrow header', () => {
    const preview = parse(`text\n${'x,'.repeat(9_999)}x\nok`);
    expect(preview).toMatchObject({
      accepted: [{ text: 'ok' }],
      rejected: [{ line: 2, reason: 'The row has 10,000 fields; the header has 1 column.' }],
    });
  });

  it('handles 1,000 columns by 1,000 rows', () => {
    const header = ['text', ...Array.from({ length: 999 }, (_, i) => `c${i}`)].join(',');
    const row = ['hello', ...Array.from({ length: 999 }, () => '1')].join(',');
    const preview = parse([header, ...Array.from({ length: 1_000 }, () => row)].join('\n'));
    expect(preview.ok && preview.accepted).toHaveLength(1_000);
  });
});
