/**
 * A streaming reader for AWS Price List offer files. The live Bedrock file is about 15 MB and
 * growing, so it is never held whole: the reader walks the JSON text chunk by chunk, keeps the
 * top-level scalars (formatVersion, offerCode, publicationDate, version), and hands over each
 * `products.<sku>` and `terms.<type>.<sku>` value as soon as it is complete (parsed on its own,
 * a few hundred bytes each). Everything else (attributesList, savings plans) is skipped without
 * being kept. Text that is not JSON, or that ends early, stops with an OfferFileError that says
 * where.
 */

export class OfferFileError extends Error {
  override readonly name = 'OfferFileError';
}

export interface OfferSink {
  top(key: string, value: unknown): void;
  product(sku: string, value: unknown): void;
  term(termType: string, sku: string, value: unknown): void;
}

interface Frame {
  kind: 'object' | 'array';
  /** The key whose value is being read (objects only). */
  key: string | null;
  /** What the next token must be. */
  expect: 'keyOrEnd' | 'key' | 'colon' | 'value' | 'commaOrEnd' | 'valueOrEnd';
}

type Capture = {
  keep: boolean;
  parts: string[];
  start: number;
  depth: number;
  scalar: boolean;
  inString: boolean;
  escape: boolean;
  emit: (v: unknown) => void;
};

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

export class OfferStreamParser {
  private stack: Frame[] = [];
  private carry = '';
  private offset = 0;
  private capture: Capture | null = null;
  private rootSeen = false;
  private done = false;

  constructor(private readonly sink: OfferSink) {}

  private fail(at: number, what: string): never {
    throw new OfferFileError(`not valid JSON at character ${this.offset + at}: ${what}`);
  }

  /** Path of keys from the root to the value about to start. */
  private path(): string[] {
    return this.stack.map((f) => f.key ?? '');
  }

  /** Decides what to do with a value starting at the current path. */
  private startValue(text: string, i: number): void {
    const c = text[i];
    const p = this.path();
    const depth = p.length;
    const top = this.stack[this.stack.length - 1];
    if (top) top.expect = 'commaOrEnd';
    if (depth === 0) {
      if (c !== '{') this.fail(i, 'an offer file is a JSON object');
      this.rootSeen = true;
      this.stack.push({ kind: 'object', key: null, expect: 'keyOrEnd' });
      return;
    }
    const descend =
      c === '{' &&
      ((depth === 1 && (p[0] === 'products' || p[0] === 'terms')) ||
        (depth === 2 && p[0] === 'terms'));
    if (descend) {
      this.stack.push({ kind: 'object', key: null, expect: 'keyOrEnd' });
      return;
    }
    let emit: ((v: unknown) => void) | null = null;
    if (depth === 1 && c !== '{' && c !== '[') {
      const key = p[0] ?? '';
      emit = (v) => this.sink.top(key, v);
    } else if (depth === 2 && p[0] === 'products') {
      const sku = p[1] ?? '';
      emit = (v) => this.sink.product(sku, v);
    } else if (depth === 3 && p[0] === 'terms') {
      const [, type = '', sku = ''] = p;
      emit = (v) => this.sink.term(type, sku, v);
    }
    const scalar = c !== '{' && c !== '[' && c !== '"';
    this.capture = {
      keep: emit !== null,
      parts: [],
      start: i,
      depth: 0,
      scalar,
      inString: false,
      escape: false,
      emit: emit ?? (() => undefined),
    };
  }

  /** Runs the capture over text from i; returns the index after it ends, or -1 at chunk end. */
  private runCapture(text: string, i: number): number {
    const cap = this.capture as Capture;
    const n = text.length;
    let j = i;
    for (; j < n; j++) {
      const ch = text.charCodeAt(j);
      if (cap.inString) {
        if (cap.escape) cap.escape = false;
        else if (ch === 0x5c) cap.escape = true;
        else if (ch === 0x22) {
          cap.inString = false;
          if (cap.depth === 0 && !cap.scalar) return this.endCapture(text, j + 1);
        }
        continue;
      }
      if (cap.scalar) {
        if (ch === 0x2c || ch === 0x7d || ch === 0x5d || WS.has(ch))
          return this.endCapture(text, j);
        continue;
      }
      if (ch === 0x22) cap.inString = true;
      else if (ch === 0x7b || ch === 0x5b) cap.depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        cap.depth--;
        if (cap.depth === 0) return this.endCapture(text, j + 1);
      }
    }
    if (cap.keep) cap.parts.push(text.slice(cap.start));
    cap.start = 0;
    return -1;
  }

  private endCapture(text: string, end: number): number {
    const cap = this.capture as Capture;
    this.capture = null;
    if (cap.keep) {
      cap.parts.push(text.slice(cap.start, end));
      let value: unknown;
      try {
        value = JSON.parse(cap.parts.join(''));
      } catch {
        this.fail(end, 'a value could not be read');
      }
      cap.emit(value);
    }
    return end;
  }

  write(chunk: string): void {
    const text = this.carry + chunk;
    this.carry = '';
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.capture) {
        const next = this.runCapture(text, i);
        if (next < 0) break;
        i = next;
        continue;
      }
      const ch = text.charCodeAt(i);
      if (WS.has(ch)) {
        i++;
        continue;
      }
      const frame = this.stack[this.stack.length - 1];
      if (!frame) {
        if (this.rootSeen) this.fail(i, 'text after the end of the file');
        this.startValue(text, i);
        i++;
        continue;
      }
      if (frame.expect === 'keyOrEnd' || frame.expect === 'key') {
        if (ch === 0x7d && frame.expect === 'keyOrEnd') {
          i = this.close(i);
          continue;
        }
        if (ch !== 0x22) this.fail(i, 'expected a key');
        const end = findStringEnd(text, i);
        if (end < 0) {
          this.carry = text.slice(i);
          break;
        }
        frame.key = JSON.parse(text.slice(i, end + 1)) as string;
        frame.expect = 'colon';
        i = end + 1;
        continue;
      }
      if (frame.expect === 'colon') {
        if (ch !== 0x3a) this.fail(i, 'expected ":"');
        frame.expect = 'value';
        i++;
        continue;
      }
      if (frame.expect === 'commaOrEnd') {
        if (ch === 0x2c) {
          frame.expect = frame.kind === 'object' ? 'key' : 'value';
          i++;
        } else if (
          (ch === 0x7d && frame.kind === 'object') ||
          (ch === 0x5d && frame.kind === 'array')
        ) {
          i = this.close(i);
        } else this.fail(i, 'expected "," or the end of an object');
        continue;
      }
      // 'value' or 'valueOrEnd'
      if (frame.expect === 'valueOrEnd' && ch === 0x5d) {
        i = this.close(i);
        continue;
      }
      if (!/[{["\-0-9tfn]/.test(text[i] ?? '')) this.fail(i, 'expected a value');
      this.startValue(text, i);
      if (!this.capture) i++;
    }
    this.offset += n - this.carry.length;
  }

  private close(i: number): number {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
    return i + 1;
  }

  /** Call at the end of the input: a file that stops early is refused. */
  end(): void {
    if (!this.done || this.capture || this.carry.trim() !== '') {
      throw new OfferFileError(
        this.rootSeen
          ? `the file ends early at character ${this.offset}: the download was cut short`
          : 'the file is empty',
      );
    }
  }
}

/** Index of the closing quote of the string opening at i, or -1 if the text ends first. */
function findStringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 0x5c) j++;
    else if (ch === 0x22) return j;
  }
  return -1;
}
