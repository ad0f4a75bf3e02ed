/**
 * Windows (CRLF) and old Mac (CR) line ends become LF before any format is parsed, so every parser
 * and every line number deals with one kind of newline. This also applies inside quoted CSV fields:
 * a paragraph's inner line breaks are stored as LF whatever editor wrote the file.
 */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
