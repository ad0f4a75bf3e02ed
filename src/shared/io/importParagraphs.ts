import { decodeUtf8, lineOfByteOffset } from './decodeUtf8';
import { parseCsvParagraphs } from './importCsv';
import { parseJsonlParagraphs } from './importJsonl';
import type { FormatParseResult, ImportFormat, ImportPreview } from './importPreview';
import { parseTxtParagraphs } from './importTxt';
import { MAX_IMPORT_BYTES, MAX_WARNINGS } from './limits';
import { normaliseLineEndings } from './lineEndings';
import { formatCount, plural } from './paragraphRules';

export type { ImportPreview } from './importPreview';

export const SUPPORTED_EXTENSIONS = ['.txt', '.csv', '.jsonl', '.ndjson'] as const;

/**
 * Reads an imported paragraph file into a preview the analyst confirms before anything is stored.
 * Whole-file problems (type, size, encoding, structure) give `ok: false` with one message; problems
 * with single paragraphs or rows reject just those, listed with line numbers.
 *
 * Order: extension, size, UTF-8 (strict), BOM stripped, CRLF/CR to LF, then the format parser.
 */
export function parseParagraphFile(input: { fileName: string; bytes: Uint8Array }): ImportPreview {
  const { fileName, bytes } = input;
  const format = formatFromFileName(fileName);
  if (format === null) {
    return {
      ok: false,
      message: `"${baseName(fileName)}" is not a supported file type. Supported: .txt, .csv, .jsonl (or .ndjson).`,
    };
  }

  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `The file is ${describeSize(bytes.length)}; the limit is ${describeSize(MAX_IMPORT_BYTES)}.`,
    };
  }

  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, message: invalidUtf8Message(bytes, decoded.offset) };

  const text = normaliseLineEndings(decoded.text);
  if (text.trim() === '') {
    return {
      ok: false,
      message: bytes.length === 0 ? 'The file is empty.' : 'The file has only blank lines.',
    };
  }

  const parsed = parseByFormat(format, text);
  if (!parsed.ok) return parsed;
  // The duplicate summary goes after the cap so a flood of per-line warnings cannot hide it.
  const warnings = [...capWarnings(parsed.warnings), ...duplicateWarnings(parsed.accepted)];
  return { ok: true, format, accepted: parsed.accepted, rejected: parsed.rejected, warnings };
}

/**
 * Format by extension only: sniffing content guesses wrong on the short or odd files where it
 * matters most. A switch, not an object lookup, so "x.constructor" cannot match Object.prototype.
 */
export function formatFromFileName(fileName: string): ImportFormat | null {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null; // no extension, or a dotfile such as ".csv"
  switch (name.slice(dot + 1).toLowerCase()) {
    case 'txt':
      return 'txt';
    case 'csv':
      return 'csv';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    default:
      return null;
  }
}

function parseByFormat(format: ImportFormat, text: string): FormatParseResult {
  switch (format) {
    case 'txt':
      return parseTxtParagraphs(text);
    case 'csv':
      return parseCsvParagraphs(text);
    case 'jsonl':
      return parseJsonlParagraphs(text);
  }
}

/** The file name may arrive as a full path from either platform. */
function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

function describeSize(bytes: number): string {
  // One decimal at most ("20 MB", "25.3 MB"), plus exact bytes: 20 MB and one byte would
  // otherwise read as "20 MB; the limit is 20 MB".
  const megabytes = Number((bytes / (1024 * 1024)).toFixed(1));
  return `${megabytes} MB (${formatCount(bytes)} bytes)`;
}

function invalidUtf8Message(bytes: Uint8Array, offset: number): string {
  const looksUtf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const hint = looksUtf16
    ? 'It looks like UTF-16; save it as UTF-8 and import again.'
    : 'Save it as UTF-8 and import again.';
  const line = lineOfByteOffset(bytes, offset);
  return `The file is not valid UTF-8: the first bad byte is at byte offset ${formatCount(offset)} (line ${formatCount(line)}). ${hint}`;
}

/** Duplicates are kept (the analyst may want them) but flagged, since they skew averages. */
function duplicateWarnings(accepted: ReadonlyArray<{ line: number; text: string }>): string[] {
  const seen = new Set<string>();
  const repeatLines: number[] = [];
  for (const paragraph of accepted) {
    if (seen.has(paragraph.text)) repeatLines.push(paragraph.line);
    else seen.add(paragraph.text);
  }
  if (repeatLines.length === 0) return [];
  const shown = repeatLines.slice(0, 10).join(', ');
  const more = repeatLines.length > 10 ? ', …' : '';
  const verb = repeatLines.length === 1 ? 'repeats' : 'repeat';
  return [
    `${plural(repeatLines.length, 'paragraph')} ${verb} an earlier one (line${repeatLines.length === 1 ? '' : 's'} ${shown}${more}).`,
  ];
}

function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  const kept = warnings.slice(0, MAX_WARNINGS - 1);
  kept.push(`…and ${formatCount(warnings.length - kept.length)} more warnings.`);
  return kept;
}
