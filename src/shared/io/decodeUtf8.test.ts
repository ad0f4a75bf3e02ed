import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, findInvalidUtf8Offset, lineOfByteOffset } from './decodeUtf8';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('decodes multi-byte text, emoji and RTL script', () => {
    const text = 'café — 😀 — שלום — 中文';
    expect(decodeUtf8(utf8(text))).toEqual({ ok: true, text, hadBom: false });
  });

  it('strips one leading BOM and reports it, keeping a second U+FEFF as content', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({
      ok: true,
      text: 'a',
      hadBom: true,
    });
    const twice = decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61));
    expect(twice).toEqual({ ok: true, text: '\uFEFFa', hadBom: true });
  });

  it('reports the offset in the original bytes, counting the BOM', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61, 0xff))).toEqual({ ok: false, offset: 4 });
  });
});

describe('findInvalidUtf8Offset', () => {
  it.each([
    ['Latin-1 é before ASCII', [0x63, 0x61, 0x66, 0xe9, 0x21], 3],
    ['Latin-1 é at the end', [0x63, 0x61, 0x66, 0xe9], 3],
    ['stray continuation byte', [0x61, 0x80], 1],
    ['overlong C0', [0xc0, 0x80], 0],
    ['overlong C1', [0xc1, 0xbf], 0],
    ['overlong 3-byte', [0x61, 0xe0, 0x80, 0x80], 1],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['overlong 4-byte', [0xf0, 0x80, 0x80, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead', [0xf5, 0x80, 0x80, 0x80], 0],
    ['FF byte', [0x61, 0x62, 0xff], 2],
    ['truncated 4-byte', [0xf0, 0x9f, 0x98], 0],
    ['bad third byte', [0x61, 0xe2, 0x82, 0x41], 1],
  ])('%s', (_name, input, offset) => {
    expect(findInvalidUtf8Offset(bytes(...input))).toBe(offset);
  });

  it('returns -1 for valid text including the largest code point', () => {
    expect(findInvalidUtf8Offset(utf8('a\u{10FFFF}é€😀'))).toBe(-1);
  });

  it('agrees with the fatal TextDecoder on random bytes, and the prefix before it is valid', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (input: Uint8Array): boolean => {
      try {
        decoder.decode(input);
        return true;
      } catch {
        return false;
      }
    };
    // Biased towards high bytes so that near-valid sequences are common.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xf5 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (values) => {
        const input = Uint8Array.from(values);
        const offset = findInvalidUtf8Offset(input);
        expect(offset === -1).toBe(valid(input));
        if (offset !== -1) expect(valid(input.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('lineOfByteOffset', () => {
  it('counts LF bytes before the offset', () => {
    expect(lineOfByteOffset(utf8('a\nb\nc'), 0)).toBe(1);
    expect(lineOfByteOffset(utf8('a\nb\nc'), 4)).toBe(3);
  });
});
