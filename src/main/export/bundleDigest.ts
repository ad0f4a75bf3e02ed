import { createHash } from 'node:crypto';

/**
 * The checksum a bundle carries over its payload. JSON.stringify of a parsed payload gives back
 * the exporter's exact string (V8 prints numbers and escapes strings canonically), so any edit
 * or cut after export changes it. Unkeyed on purpose (no key to manage or lose): it detects
 * corruption, not tampering, and the README says so.
 */
export const digestOf = (payload: unknown): string =>
  `sha256:${createHash('sha256')
    .update(JSON.stringify(payload) ?? '')
    .digest('hex')}`;
