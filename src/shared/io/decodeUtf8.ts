/**
 * Strict UTF-8 decoding that can say *where* a file stops being UTF-8. TextDecoder with
 * `fatal: true` only says "invalid"; analysts need an offset to find the bad byte (usually a
 * Latin-1 or Windows-1252 character in a file that was never saved as UTF-8).
 */

export type Utf8DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | {
      ok: false;
      /** 0-based offset of the first bad byte in the bytes given (BOM included). */ offset: number;
    };

export function decodeUtf8(bytes: Uint8Array): Utf8DecodeResult {
  const hadBom = startsWithUtf8Bom(bytes);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    // We strip the first BOM ourselves (so we can report it) and let the decoder keep any other
    // U+FEFF as content instead of silently eating a second one.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, hadBom };
  } catch {
    const offset = findInvalidUtf8Offset(body);
    // The decoder and our scanner follow the same WHATWG rules; 0 is a safe fallback if not.
    return { ok: false, offset: (offset < 0 ? 0 : offset) + (hadBom ? 3 : 0) };
  }
}

export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Returns the offset where the first invalid UTF-8 sequence *starts*, or -1 if all bytes are valid.
 * For a truncated sequence (e.g. Latin-1 "é" = 0xE9 followed by ASCII) that is the lead byte, which
 * is the character the analyst has to fix. Rejects what the WHATWG decoder rejects: stray
 * continuation bytes, overlong forms (C0, C1, E0 80..9F, F0 80..8F), UTF-16 surrogates
 * (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF).
 */
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let continuationCount: number;
    // Allowed range of the *second* byte; later continuation bytes are always 80..BF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      continuationCount = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      continuationCount = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuationCount = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      return i;
    }
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= continuationCount; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += continuationCount + 1;
  }
  return -1;
}

/** 1-based line of a byte offset, for messages ("byte 1,204, line 17"). */
export function lineOfByteOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
