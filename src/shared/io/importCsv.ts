import { detectCsvDelimiter, parseCsv, type CsvDelimiter, type CsvRecord } from './csvParse';
import type { FormatParseResult } from './importPreview';
import { MAX_CSV_COLUMNS } from './limits';
import { checkParagraph, createCollector, formatCount, plural } from './paragraphRules';
import { splitTagString } from './tags';

/**
 * CSV with a header row. Column names are matched trimmed and case-insensitively:
 * - text (required): `text`, else `paragraph`
 * - reference (optional): `reference`, else `summary`
 * - tags (optional): `tags`, one cell split on `;` or `|`
 * Other columns are ignored with a warning. The delimiter is comma, or semicolon / tab when the
 * header has no comma (Excel in decimal-comma locales saves with `;`). Expects LF line ends.
 */
const TEXT_COLUMNS = ['text', 'paragraph'];
const REFERENCE_COLUMNS = ['reference', 'summary'];
const TAG_COLUMNS = ['tags'];

const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

export function parseCsvParagraphs(text: string): FormatParseResult {
  const delimiter = detectCsvDelimiter(text);
  // One field past the cap is stored so the header check below can tell "at the cap" from "over".
  const parsed = parseCsv(text, {
    delimiter,
    maxFields: MAX_CSV_COLUMNS + 1,
    skipBlankLines: true,
  });
  if (!parsed.ok) return { ok: false, message: parsed.message };

  const [header, ...rows] = parsed.records;
  if (header === undefined) return { ok: false, message: 'The file has no header row.' };
  if (header.fieldCount > MAX_CSV_COLUMNS) {
    return {
      ok: false,
      message: `The header row has ${formatCount(header.fieldCount)} columns; the limit is ${formatCount(MAX_CSV_COLUMNS)}.`,
    };
  }
  if (header.problem !== null) return { ok: false, message: `Header row: ${header.problem}` };

  const names = header.fields.map((name) => name.trim().toLowerCase());
  const textColumn = findColumn(names, TEXT_COLUMNS);
  if (textColumn === -1) {
    return {
      ok: false,
      message: `No "text" (or "paragraph") column in the header row. Columns found: ${listColumns(header.fields)}.`,
    };
  }
  if (rows.length === 0)
    return { ok: false, message: 'The file has a header row but no data rows.' };
  const referenceColumn = findColumn(names, REFERENCE_COLUMNS);
  const tagsColumn = findColumn(names, TAG_COLUMNS);

  const out = createCollector();
  if (delimiter !== ',')
    out.warnings.push(`Read as ${DELIMITER_NAMES[delimiter]}-separated values.`);
  const used = new Set([textColumn, referenceColumn, tagsColumn]);
  const ignored = header.fields.filter((name, index) => !used.has(index) && name.trim() !== '');
  if (ignored.length > 0) out.warnings.push(`Ignored columns: ${listColumns(ignored)}.`);

  for (const row of rows) {
    const excerpt = rowExcerpt(text, row);
    if (row.problem !== null) {
      out.reject(row.line, row.problem, excerpt);
    } else if (row.fieldCount !== header.fieldCount) {
      out.reject(
        row.line,
        `The row has ${plural(row.fieldCount, 'field')}; the header has ${plural(header.fieldCount, 'column')}.`,
        excerpt,
      );
    } else {
      out.add(
        checkParagraph({
          line: row.line,
          text: row.fields[textColumn] ?? '',
          reference: referenceColumn === -1 ? null : (row.fields[referenceColumn] ?? null),
          rawTags: tagsColumn === -1 ? [] : splitTagString(row.fields[tagsColumn] ?? ''),
          excerptSource: excerpt,
        }),
      );
    }
  }
  return { ok: true, accepted: out.accepted, rejected: out.rejected, warnings: out.warnings };
}

/** First column matching the aliases in priority order (`text` wins over `paragraph`), or -1. */
function findColumn(names: readonly string[], aliases: readonly string[]): number {
  for (const alias of aliases) {
    const index = names.indexOf(alias);
    if (index !== -1) return index;
  }
  return -1;
}

/** Column names for a message: quoted, shortened, at most 20 of them. */
function listColumns(names: readonly string[]): string {
  if (names.length === 0) return '(none)';
  const shown = names.slice(0, 20).map((name) => {
    const short = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    return `"${short}"`;
  });
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(', ');
}

function rowExcerpt(text: string, row: CsvRecord): string {
  // The excerpt helper only reads the start, so a bounded slice is enough even for huge rows.
  return text.slice(row.start, Math.min(row.end, row.start + 1_000));
}
