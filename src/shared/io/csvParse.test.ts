import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, parseCsv } from './csvParse';

const fieldsOf = (text: string, delimiter: ',' | ';' | '\t' = ','): string[][] => {
  const result = parseCsv(text, { delimiter });
  if (!result.ok) throw new Error(result.message);
  return result.records.map((record) => record.fields);
};

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes and newlines inside quotes', () => {
    expect(fieldsOf('a,"b ""q"", c","line1\nline2"\n1,2,3')).toEqual([
      ['a', 'b "q", c', 'line1\nline2'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF, CRLF and lone CR between records and keeps CR inside quotes', () => {
    expect(fieldsOf('a\r\nb\rc\nd')).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(fieldsOf('"x\r\ny"')).toEqual([['x\r\ny']]);
  });

  it('keeps empty fields, including after a trailing delimiter', () => {
    expect(fieldsOf(',a,,\n')).toEqual([['', 'a', '', '']]);
  });

  it('gives no extra record for a final newline, and none for empty text', () => {
    expect(fieldsOf('a\n')).toEqual([['a']]);
    expect(fieldsOf('')).toEqual([]);
  });

  it('keeps blank lines as one empty field unless asked to skip them', () => {
    expect(fieldsOf('a\n\nb')).toEqual([['a'], [''], ['b']]);
    const skipped = parseCsv('a\n\n""\nb', { delimiter: ',', skipBlankLines: true });
    expect(skipped.ok && skipped.records.map((r) => r.fields)).toEqual([['a'], [''], ['b']]);
  });

  it('numbers records by the physical line they start on', () => {
    const result = parseCsv('h\n"multi\nline"\nnext\r\nlast', { delimiter: ',' });
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it('fails on an unterminated quote, naming the line where it opened', () => {
    const result = parseCsv('h\nok\n"never closed\nmore', { delimiter: ',' });
    expect(result).toMatchObject({ ok: false, line: 3 });
    expect(!result.ok && result.message).toContain('line 3');
  });

  it('flags text after a closing quote on that record only', () => {
    const result = parseCsv('"abc"def,x\nfine', { delimiter: ',' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records[0]).toMatchObject({
      fields: ['abcdef', 'x'],
      problem: expect.any(String),
    });
    expect(result.records[1]?.problem).toBeNull();
  });

  it('keeps a quote in the middle of an unquoted field literally', () => {
    expect(fieldsOf('5" screen,x')).toEqual([['5" screen', 'x']]);
  });

  it('reads semicolon and tab delimited text', () => {
    expect(fieldsOf('a;"b;c"\n1;2', ';')).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a\tb', '\t')).toEqual([['a', 'b']]);
  });

  it('stores at most maxFields fields but counts all of them', () => {
    const result = parseCsv('a,b,c,d,e', { delimiter: ',', maxFields: 2 });
    expect(result.ok && result.records[0]).toMatchObject({ fields: ['a', 'b'], fieldCount: 5 });
  });

  // That these stay linear is timed by the bench (bench/importBench.ts); here, that they finish
  // with the right answer.
  it('counts every field of a 5-million-field row', () => {
    const text = ','.repeat(5_000_000);
    const result = parseCsv(text, { delimiter: ',', maxFields: 10 });
    expect(result.ok && result.records[0]?.fieldCount).toBe(5_000_001);
  });

  it('reports an unterminated quote at the top of a large file on its first line', () => {
    const text = `"${'x\n'.repeat(2_000_000)}`;
    expect(parseCsv(text, { delimiter: ',' })).toMatchObject({ ok: false, line: 1 });
  });
});

describe('detectCsvDelimiter', () => {
  it.each([
    ['text,reference', ','],
    ['text;reference;tags', ';'],
    ['text\treference', '\t'],
    ['text', ','],
    ['"a;b";c\tx\ty', '\t'],
    ['"a,b";c\nx,y', ';'],
    ['"multi\nline, with comma";x', ';'],
  ])('%j → %j', (header, expected) => {
    expect(detectCsvDelimiter(header)).toBe(expected);
  });
});
