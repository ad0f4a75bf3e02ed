/**
 * A batch record's id ties its output back to one call: the model's index in the experiment,
 * the repeat, and the paragraph id, in that order (`1-0-<paragraph id>`). Output order is not
 * guaranteed, so the id is the only join key.
 */
export interface RecordKey {
  modelIndex: number;
  repeatIndex: number;
  paragraphId: string;
}

export const encodeRecordId = (k: RecordKey): string =>
  `${k.modelIndex}-${k.repeatIndex}-${k.paragraphId}`;

export function decodeRecordId(id: unknown): RecordKey | null {
  if (typeof id !== 'string') return null;
  const m = /^(\d{1,2})-(\d{1,3})-(.+)$/.exec(id);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { modelIndex: Number(m[1]), repeatIndex: Number(m[2]), paragraphId: m[3] };
}
