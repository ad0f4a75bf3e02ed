import { describe, expect, it } from 'vitest';
import { parseParagraphFile } from './importParagraphs';

const parse = (text: string) =>
  parseParagraphFile({ fileName: 'paragraphs.txt', bytes: new TextEncoder().encode(text) });

describe('TXT import', () => {
  it('splits on blank and whitespace-only lines and keeps single newlines', () => {
    const preview = parse('\n\nFirst line\nsecond line\n\n   \t\nSecond paragraph\n \n\n\nThird\n');
    expect(preview).toEqual({
      ok: true,
      format: 'txt',
      accepted: [
        { line: 3, text: 'First line\nsecond line', reference: null, tags: [] },
        { line: 7, text: 'Second paragraph', reference: null, tags: [] },
        { line: 11, text: 'Third', reference: null, tags: [] },
      ],
      rejected: [],
      warnings: [],
    });
  });

  it('trims each paragraph and trailing spaces on lines, keeping indentation', () => {
    expect(parse('   - item one   \n   - item two\t\n')).toMatchObject({
      accepted: [{ text: '- item one\n   - item two' }],
    });
  });

  it('keeps unicode, emoji and RTL text intact', () => {
    const text = 'Ünïcödé 😀 שלום עולם مرحبا';
    expect(parse(text)).toMatchObject({ accepted: [{ text }] });
  });

  it('rejects a paragraph over 100,000 characters with the reason and an excerpt', () => {
    const preview = parse(`short\n\n${'x'.repeat(100_001)}\n\nafter`);
    expect(preview).toMatchObject({
      ok: true,
      accepted: [{ text: 'short' }, { text: 'after', line: 5 }],
      rejected: [{ line: 3, reason: expect.stringContaining('100,001 characters') }],
    });
    if (preview.ok) expect(preview.rejected[0]?.excerpt).toBe(`${'x'.repeat(80)}…`);
  });

  it('counts the length limit in characters, so 100,000 emoji fit', () => {
    const preview = parse('😀'.repeat(100_000));
    expect(preview).toMatchObject({ accepted: [{ line: 1 }], rejected: [] });
  });
});
