import { randomUUID } from 'node:crypto';

export const nowIso = (): string => new Date().toISOString();
export const newId = (): string => randomUUID();

let lastMs = 0;
let seq = 0;
/**
 * A UUID (version 7 layout) that sorts by creation: for bulk inserts, where random ids would
 * scatter every new row across the primary-key index. Same text shape as `newId`.
 */
export const newOrderedId = (): string => {
  const now = Date.now();
  seq = now === lastMs ? seq + 1 : 0;
  lastMs = now;
  const time = now.toString(16).padStart(12, '0');
  const counter = (seq & 0xfff).toString(16).padStart(3, '0');
  const rand = randomUUID().replace(/-/g, '');
  const variant = ((parseInt(rand[0] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter}-${variant}${rand.slice(1, 4)}-${rand.slice(4, 16)}`;
};
