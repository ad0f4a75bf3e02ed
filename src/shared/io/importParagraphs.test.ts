import { describe, expect, it } from 'vitest';
import { importPreviewSchema } from './importPreview';
import { formatFromFileName, parseParagraphFile } from './importParagraphs';
import { MAX_IMPORT_BYTES } from './limits';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (fileName: string, text: string) =>
  parseParagraphFile({ fileName, bytes: utf8(text) });

const messageOf = (preview: ReturnType<typeof parseParagraphFile>): string => {
  if (preview.ok) throw new Error('expected the file to be refused');
  return preview.message;
};

describe('formatFromFileName', () => {
  it.each([
    ['notes.txt', 'txt'],
    ['DATA.CSV', 'csv'],
    ['rows.jsonl', 'jsonl'],
    ['rows.ndjson', 'jsonl'],
    ['C:\\Users\\ana\\my.data.csv', 'csv'],
    ['/home/ana/paras.txt', 'txt'],
    ['sheet.xlsx', null],
    ['README', null],
    ['.csv', null],
    ['x.constructor', null],
    ['x.__proto__', null],
    ['x.toString', null],
  ])('%s → %s', (name, expected) => {
    expect(formatFromFileName(name)).toBe(expected);
  });
});

describe('parseParagraphFile: whole-file checks', () => {
  it('refuses an unknown extension and lists the supported ones', () => {
    const message = messageOf(parse('book.docx', 'hello'));
    expect(message).toContain('book.docx');
    for (const ext of ['.txt', '.csv', '.jsonl', '.ndjson']) expect(message).toContain(ext);
  });

  it('refuses a file over 20 MB, stating its size and the limit', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const message = messageOf(parseParagraphFile({ fileName: 'big.txt', bytes }));
    expect(message).toContain('20,971,521 bytes');
    expect(message).toContain('the limit is 20 MB (20,971,520 bytes)');
  });

  it('accepts a file of exactly 20 MB (then rejects its one oversized paragraph)', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    const preview = parseParagraphFile({ fileName: 'big.txt', bytes });
    expect(preview).toMatchObject({ ok: true, accepted: [], rejected: [{ line: 1 }] });
  });

  it('refuses invalid UTF-8, naming the byte offset and line of the first bad byte', () => {
    // "ok\ncaf" then Latin-1 é (0xE9): offset 6, line 2.
    const bytes = Uint8Array.from([0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const message = messageOf(parseParagraphFile({ fileName: 'a.txt', bytes }));
    expect(message).toContain('byte offset 6');
    expect(message).toContain('line 2');
  });

  it('counts the BOM in the reported offset', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff]);
    expect(messageOf(parseParagraphFile({ fileName: 'a.txt', bytes }))).toContain('byte offset 4');
  });

  it('hints at UTF-16 when the file starts with a UTF-16 BOM', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x61, 0x00]);
    const message = messageOf(parseParagraphFile({ fileName: 'a.csv', bytes }));
    expect(message).toContain('byte offset 0');
    expect(message).toContain('UTF-16');
  });

  it('refuses empty and whitespace-only files in every format', () => {
    for (const name of ['a.txt', 'a.csv', 'a.jsonl']) {
      expect(messageOf(parseParagraphFile({ fileName: name, bytes: new Uint8Array() }))).toBe(
        'The file is empty.',
      );
      expect(messageOf(parse(name, ' \r\n\t\n'))).toBe('The file has only blank lines.');
    }
    expect(
      messageOf(
        parseParagraphFile({ fileName: 'a.txt', bytes: Uint8Array.from([0xef, 0xbb, 0xbf]) }),
      ),
    ).toBe('The file has only blank lines.');
  });

  it('strips a BOM so it does not end up in the first paragraph or header', () => {
    const withBom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(parseParagraphFile({ fileName: 'a.txt', bytes: withBom('Hello') })).toMatchObject({
      accepted: [{ text: 'Hello' }],
    });
    expect(parseParagraphFile({ fileName: 'a.csv', bytes: withBom('text\nHello') })).toMatchObject({
      accepted: [{ text: 'Hello' }],
    });
  });

  it('normalises CRLF and CR to LF inside paragraphs', () => {
    expect(parse('a.txt', 'one\r\ntwo\r\n\r\nthree\rfour')).toMatchObject({
      accepted: [
        { line: 1, text: 'one\ntwo' },
        { line: 4, text: 'three\nfour' },
      ],
    });
    expect(parse('a.csv', 'text\r\n"a\r\nb"\r\n')).toMatchObject({
      accepted: [{ line: 2, text: 'a\nb' }],
    });
  });

  it('warns about duplicate paragraphs but keeps them', () => {
    const preview = parse('a.txt', 'same\n\nother\n\nsame');
    expect(preview).toMatchObject({ ok: true, accepted: [{}, {}, {}] });
    expect(preview.ok && preview.warnings).toEqual([
      '1 paragraph repeats an earlier one (line 5).',
    ]);
  });

  it('caps per-line warnings so the preview stays readable', () => {
    const tooManyTags = Array.from({ length: 22 }, (_, i) => `t${i}`).join(';');
    const rows = Array.from({ length: 80 }, (_, i) => `p${i},"${tooManyTags}"`);
    const preview = parse('a.csv', ['text,tags', ...rows].join('\n'));
    expect(preview.ok && preview.warnings).toHaveLength(50);
    expect(preview.ok && preview.warnings.at(-1)).toBe('…and 31 more warnings.');
  });

  it('always returns a value matching the IPC schema', () => {
    for (const preview of [parse('a.txt', 'x'), parse('a.csv', 'nope\n1'), parse('a.exe', '')]) {
      expect(importPreviewSchema.safeParse(preview).success).toBe(true);
    }
  });
});
