import type { FormatParseResult } from './importPreview';
import { checkParagraph, createCollector } from './paragraphRules';
import { splitTagString } from './tags';

/**
 * JSON Lines: one object per line with `text` (string, required), `reference` (string or null,
 * optional) and `tags` (array of strings, or one string split on `;` / `|`, optional). Other keys
 * are ignored. Blank lines are skipped. A bad line is rejected on its own; the rest still import.
 *
 * Prototype safety: JSON.parse defines `__proto__` and `constructor` as ordinary own properties and
 * we only ever read our three keys with Object.hasOwn, never merge or spread the parsed object.
 */
export function parseJsonlParagraphs(text: string): FormatParseResult {
  const out = createCollector();

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;

    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      out.reject(line, `Not valid JSON: ${detail.slice(0, 200)}`, raw);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.reject(
        line,
        `Expected a JSON object with a "text" field, found ${describe(value)}.`,
        raw,
      );
      return;
    }

    const fields = readFields(value);
    if (!fields.ok) {
      out.reject(line, fields.reason, raw);
      return;
    }
    out.add(checkParagraph({ line, ...fields.value, excerptSource: raw }));
  });

  if (out.accepted.length === 0 && out.rejected.length === 0) {
    return { ok: false, message: 'The file has no JSON lines (only blank lines).' };
  }
  return { ok: true, accepted: out.accepted, rejected: out.rejected, warnings: out.warnings };
}

type Fields =
  | { ok: true; value: { text: string; reference: string | null; rawTags: string[] } }
  | { ok: false; reason: string };

function readFields(object: object): Fields {
  const text = ownField(object, 'text');
  if (text === undefined) return { ok: false, reason: 'Missing the "text" field.' };
  if (typeof text !== 'string') {
    return { ok: false, reason: `"text" must be a string, found ${describe(text)}.` };
  }

  const reference = ownField(object, 'reference');
  if (reference !== undefined && reference !== null && typeof reference !== 'string') {
    return {
      ok: false,
      reason: `"reference" must be a string or null, found ${describe(reference)}.`,
    };
  }

  const tags = ownField(object, 'tags');
  let rawTags: string[];
  if (tags === undefined || tags === null) rawTags = [];
  else if (typeof tags === 'string') rawTags = splitTagString(tags);
  else if (Array.isArray(tags) && tags.every((tag): tag is string => typeof tag === 'string')) {
    rawTags = tags;
  } else {
    const found = Array.isArray(tags) ? 'a list with a non-string item' : describe(tags);
    return { ok: false, reason: `"tags" must be a list of strings or a string, found ${found}.` };
  }

  return { ok: true, value: { text, reference: reference ?? null, rawTags } };
}

function ownField(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
