/**
 * RFC 4180 CSV reader shared by paragraph import and `fromCsv`. One pass over the text with
 * `indexOf` for quoted runs, so time is linear in the input whatever its shape (many columns, long
 * quoted fields, an unterminated quote at the top of a 20 MB file).
 *
 * Accepted line ends outside quotes: LF, CRLF and lone CR. Inside quotes, text is kept verbatim
 * (import normalises newlines before calling this; `fromCsv` wants CRs to survive a round trip).
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Fields, at most `maxFields` of them. */
  fields: string[];
  /** Real number of fields, even past `maxFields`, so callers can reject over-wide rows. */
  fieldCount: number;
  /** Set when the record broke a rule but the rest of the file can still be read. */
  problem: string | null;
  /** Offsets of the record in the text, for excerpts. */
  start: number;
  end: number;
}

export interface CsvParseOptions {
  delimiter: CsvDelimiter;
  /** Stop storing fields past this many per record (they are still counted). */
  maxFields?: number;
  /** Skip physical lines with nothing on them (import wants this; an exact round trip does not). */
  skipBlankLines?: boolean;
}

export type CsvParseResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

export function parseCsv(text: string, options: CsvParseOptions): CsvParseResult {
  const delimiter = options.delimiter.charCodeAt(0);
  const maxFields = options.maxFields ?? Number.POSITIVE_INFINITY;
  const skipBlankLines = options.skipBlankLines ?? false;
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;

  // Index of the next delimiter or line break at or after `from` (or n).
  const fieldEnd = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) return j;
      j += 1;
    }
    return n;
  };

  while (i < n) {
    const start = i;
    const recordLine = line;
    const fields: string[] = [];
    let fieldCount = 0;
    let problem: string | null = null;
    let onlyUnquotedEmpty = true;

    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        value = '';
        let j = i + 1;
        for (;;) {
          const close = text.indexOf('"', j);
          if (close === -1) {
            return {
              ok: false,
              line: quoteLine,
              message: `The quoted field that starts on line ${quoteLine} is never closed (a " is missing).`,
            };
          }
          value += text.slice(j, close);
          line += countLineBreaks(text, j, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"'; // "" is an escaped quote
            j = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        onlyUnquotedEmpty = false;
        const c = text.charCodeAt(i);
        if (i < n && c !== delimiter && c !== LF && c !== CR) {
          // `"abc"def`: keep the text so the row can be shown, but flag it; guessing intent is worse.
          problem ??= `Line ${line}: unexpected text after a closing quote.`;
          const end = fieldEnd(i);
          value += text.slice(i, end);
          i = end;
        }
      } else {
        // Unquoted field. A " in the middle (5" screen) is kept literally, as spreadsheets do.
        const end = fieldEnd(i);
        value = text.slice(i, end);
        if (value !== '') onlyUnquotedEmpty = false;
        i = end;
      }

      fieldCount += 1;
      if (fields.length < maxFields) fields.push(value);

      if (i < n && text.charCodeAt(i) === delimiter) {
        i += 1;
        continue; // a delimiter at the very end still opens one more (empty) field
      }
      break;
    }

    // Here i is at the end of the text or on the record's line break (CRLF, LF or lone CR).
    const end = i;
    if (i < n) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
    }

    if (skipBlankLines && fieldCount === 1 && onlyUnquotedEmpty) continue;
    records.push({ line: recordLine, fields, fieldCount, problem, start, end });
  }

  return { ok: true, records };
}

/** Line breaks (LF, CRLF counted once, lone CR) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j += 1) {
    const c = text.charCodeAt(j);
    if (c === LF) count += 1;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) count += 1;
  }
  return count;
}

/**
 * Picks the delimiter from the header line: comma if it has one outside quotes, else whichever of
 * semicolon (what Excel writes in locales with a decimal comma) and tab appears more often.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let inQuotes = false;
  for (let j = 0; j < text.length; j += 1) {
    const c = text[j];
    if (c === '"')
      inQuotes = !inQuotes; // "" toggles twice, which is what we want
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas += 1;
    else if (c === ';') semicolons += 1;
    else if (c === '\t') tabs += 1;
  }
  if (commas > 0) return ',';
  if (semicolons === 0 && tabs === 0) return ',';
  return tabs > semicolons ? '\t' : ';';
}
