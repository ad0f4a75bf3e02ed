import fc from 'fast-check';
import { csvNumber } from './csvNumber';
import { describe, expect, it } from 'vitest';
import {
  fromCsv,
  neutraliseFormula,
  toCsv,
  undoFormulaNeutralising,
  type CsvCell,
} from './csvWrite';

/** What a cell is expected to read back as: every value comes back as text. */
const asText = (cell: CsvCell): string =>
  cell === null ? '' : typeof cell === 'number' ? csvNumber(cell) : String(cell);

const readBack = (csv: string): { headers: string[]; rows: string[][] } => {
  const result = fromCsv(csv);
  if (!result.ok) throw new Error(result.message);
  return {
    headers: result.headers.map(undoFormulaNeutralising),
    rows: result.rows.map((row) => row.map(undoFormulaNeutralising)),
  };
};

describe('toCsv', () => {
  it('starts with a BOM, quotes strings, ends lines with CRLF', () => {
    expect(toCsv(['name', 'n'], [['a', 1]])).toBe('\uFEFF"name","n"\r\n"a",1\r\n');
  });

  it('neutralises a HYPERLINK formula and doubles its quotes', () => {
    const csv = toCsv(['link'], [['=HYPERLINK("http://x","y")']]);
    expect(csv.split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '\n=1'])(
    'prefixes %j with a single quote',
    (value) => {
      expect(toCsv(['h'], [[value]]).split('\r\n')[1]).toBe(`"'${value}"`);
    },
  );

  it.each([
    ['a full-width equals sign', '\uFF1DSUM(A1:A9)'],
    ['a full-width plus sign', '\uFF0B1'],
    ['a full-width at sign', '\uFF20SUM(A1)'],
    ['a zero-width space before =', '\u200B=1+1'],
    ['a BOM before =', '\uFEFF=1+1'],
    ['spaces and a no-break space before -', ' \u00A0-1+2'],
  ])('prefixes a cell starting with %s', (_, value) => {
    expect(toCsv(['h'], [[value]]).split('\r\n')[1]).toBe(`"'${value}"`);
    expect(undoFormulaNeutralising(neutraliseFormula(value))).toBe(value);
  });

  it('leaves text with an equals sign later on alone', () => {
    expect(neutraliseFormula('\u200Bhello = world')).toBe('\u200Bhello = world');
  });

  it('neutralises dangerous header cells too', () => {
    expect(toCsv(['=cmd'], [])).toBe('\uFEFF"\'=cmd"\r\n');
  });

  it('writes numbers bare, negative ones included, so they stay numeric', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3.5, 0, 1e21]]).split('\r\n')[1]).toBe('-3.5,0,1e+21');
  });

  it('writes null as an empty cell, booleans as words, non-finite numbers as empty', () => {
    const line = toCsv(['a', 'b', 'c', 'd', 'e'], [[null, true, false, Number.NaN, -Infinity]]);
    expect(line.split('\r\n')[1]).toBe(',true,false,,');
  });

  it('leaves quotes that are not before a trigger alone', () => {
    expect(neutraliseFormula("'hello")).toBe("'hello");
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });
});

describe('undoFormulaNeutralising', () => {
  it('is the exact inverse of neutraliseFormula, even for values that start with quotes', () => {
    for (const value of ['=x', "'=x", "''-1", "'plain", 'plain', '', "'", '-']) {
      expect(undoFormulaNeutralising(neutraliseFormula(value))).toBe(value);
    }
  });
});

describe('round trip toCsv → fromCsv', () => {
  const tricky: CsvCell[] = [
    'say "hi", then leave',
    'line one\nline two\r\nline three\rfour',
    'ünïcödé — ñ — ß',
    'emoji 😀👩🏽‍💻🇫🇷',
    'שלום עולם (RTL) مرحبا',
    '\u202Ereversed\u202C',
    '=HYPERLINK("http://x","y")',
    "'=already quoted",
    '-12',
    '@user',
    '  padded  ',
    '',
    'semi;colon\ttab',
    null,
    -42.25,
    0.1 + 0.2,
    true,
  ];

  it('returns every tricky value (as text) once neutralising quotes are undone', () => {
    const headers = ['a', 'b,"c"', '=d'];
    const rows = tricky.map((cell, i) => [cell, String(i), i % 2 === 0 ? null : 'x']);
    const back = readBack(toCsv(headers, rows));
    expect(back.headers).toEqual(headers);
    expect(back.rows).toEqual(rows.map((row) => row.map(asText)));
  });

  it('keeps negative numbers numeric in the file and equal after reading', () => {
    const back = readBack(toCsv(['n'], [[-7.5]]));
    expect(Number(back.rows[0]?.[0])).toBe(-7.5);
  });

  it('survives a single-column table of nulls (empty lines are rows, not skipped)', () => {
    expect(readBack(toCsv(['a'], [[null], ['x'], [null]])).rows).toEqual([[''], ['x'], ['']]);
  });

  it('holds for arbitrary strings, numbers, booleans and nulls', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', ',', '\n', '\r', '\r\n', "'", '=', '-', '+', '@', '\t', ';'),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell), { maxLength: 5 }),
        (width, raw) => {
          const headers = Array.from({ length: width }, (_, i) => `h${i}`);
          const rows = raw.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
          const back = readBack(toCsv(headers, rows));
          expect(back.rows).toEqual(rows.map((row) => row.map(asText)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fromCsv', () => {
  it('reports malformed input instead of guessing', () => {
    expect(fromCsv('a\n"open')).toMatchObject({ ok: false });
    expect(fromCsv('"a"b')).toMatchObject({ ok: false });
  });

  it('reads a file without a BOM and with a final line lacking CRLF', () => {
    expect(fromCsv('a,b\n1,2')).toEqual({ ok: true, headers: ['a', 'b'], rows: [['1', '2']] });
  });
});
