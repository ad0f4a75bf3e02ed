import type { FormatParseResult } from './importPreview';
import { checkParagraph, createCollector } from './paragraphRules';

/**
 * Plain text: paragraphs are separated by blank lines (empty or whitespace-only).
 *
 * Single line breaks inside a paragraph are kept, not joined with spaces: lists, addresses and
 * dialogue lose meaning when flattened, a newline costs about the same tokens as a space, and
 * keeping the text as written means what is measured is what the analyst imported. Trailing
 * spaces on each line are dropped (invisible, and they only add tokens); indentation is kept.
 * Expects LF line ends (the dispatcher normalises them).
 */
export function parseTxtParagraphs(text: string): FormatParseResult {
  const out = createCollector();
  let block: string[] = [];
  let blockLine = 0;

  const flush = (): void => {
    if (block.length === 0) return;
    const joined = block.join('\n');
    block = [];
    out.add(
      checkParagraph({
        line: blockLine,
        text: joined,
        reference: null,
        rawTags: [],
        excerptSource: joined,
      }),
    );
  };

  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      flush();
      return;
    }
    if (block.length === 0) blockLine = index + 1;
    block.push(raw.trimEnd());
  });
  flush();

  if (out.accepted.length === 0 && out.rejected.length === 0) {
    return { ok: false, message: 'The file has no paragraphs (only blank lines).' };
  }
  return { ok: true, accepted: out.accepted, rejected: out.rejected, warnings: out.warnings };
}
