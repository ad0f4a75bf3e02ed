import { csvNumber } from './csvNumber';
import { parseCsv } from './csvParse';

/**
 * CSV export that opens safely in Excel, LibreOffice and Google Sheets.
 *
 * - RFC 4180 with CRLF line ends, and a UTF-8 BOM so Excel does not read the file as ANSI.
 * - Every string cell is quoted, not just those with a comma: in locales where Excel splits on `;`
 *   an unquoted `a;=cmd()` would become a second cell holding a formula (OWASP CSV injection).
 * - Strings that a spreadsheet would run as a formula get a leading `'` (see neutraliseFormula).
 * - Numbers (without binary noise, see csvNumber) and booleans are written bare so they stay numbers; `-3.5` passed as a number is a
 *   value, not a formula. Non-finite numbers (NaN, ±Infinity) are written as empty cells because no
 *   spreadsheet reads them back as numbers and `-Infinity` would look like a formula.
 * - null is an empty cell; an empty string is `""`. Both read back as ''.
 */
export type CsvCell = string | number | boolean | null;

const CSV_BOM = '\uFEFF';

/**
 * Cells starting with = + - @ tab CR or LF are formulas (or DDE payloads) to some spreadsheet,
 * and so are their full-width forms (＝ ＋ － ＠), which some spreadsheets fold to ASCII, and
 * any of them behind spaces or invisible characters (a zero-width space, a BOM) that a
 * spreadsheet may drop before reading the cell.
 * The optional leading quotes make the escape reversible: `'=x` (a real value) becomes `''=x`, so
 * undoFormulaNeutralising can strip exactly one quote and always get the original back.
 */
const INVISIBLE_LEAD = '[\\s\\u00A0\\u180E\\u200B-\\u200F\\u2060\\u3000\\uFEFF]*';
const TRIGGER = '[=+\\-@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20]';
const NEEDS_NEUTRALISING = new RegExp(`^'*${INVISIBLE_LEAD}${TRIGGER}`);
const WAS_NEUTRALISED = new RegExp(`^'+${INVISIBLE_LEAD}${TRIGGER}`);

export function neutraliseFormula(value: string): string {
  return NEEDS_NEUTRALISING.test(value) ? `'${value}` : value;
}

/**
 * Inverse of neutraliseFormula, for reading back a file this module wrote. Only use it on such
 * files: on a hand-made CSV it would also strip a quote the author typed before a `=`.
 */
export function undoFormulaNeutralising(value: string): string {
  return WAS_NEUTRALISED.test(value) ? value.slice(1) : value;
}

export function toCsv(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
): string {
  const lines = [formatRow(headers), ...rows.map(formatRow)];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

function formatRow(cells: ReadonlyArray<CsvCell>): string {
  return cells.map(formatCell).join(',');
}

function formatCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return `"${neutraliseFormula(cell).replace(/"/g, '""')}"`;
}

export type FromCsvResult =
  { ok: true; headers: string[]; rows: string[][] } | { ok: false; message: string };

/**
 * Reads a comma-separated file such as toCsv writes: first record is the header, every value comes
 * back as a string (numbers as their text, null as ''), CRs inside quoted values are kept.
 * Neutralising quotes are left in place; map cells through undoFormulaNeutralising to remove them.
 */
export function fromCsv(csv: string): FromCsvResult {
  const body = csv.startsWith(CSV_BOM) ? csv.slice(1) : csv;
  const parsed = parseCsv(body, { delimiter: ',' });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const broken = parsed.records.find((record) => record.problem !== null);
  if (broken?.problem) return { ok: false, message: broken.problem };
  const [header, ...rest] = parsed.records;
  return { ok: true, headers: header?.fields ?? [], rows: rest.map((record) => record.fields) };
}
