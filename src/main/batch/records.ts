/**
 * One model's batch records, in a fixed order (repeat-major, then paragraph position), so that a
 * job's slice is just a range [first, first + count) and a resumed upload rebuilds exactly the
 * bytes it planned. Each line is `{"recordId", "modelInput"}` with the Converse request body the
 * on-demand runner sends (bedrock/callSupport.ts), minus the model id.
 */
import { createHash } from 'node:crypto';
import { encodeRecordId } from '../../shared/batch/recordId';
import { renderPrompt, type Experiment } from '../../shared/domain/experiment';
import { toConverseInput } from '../bedrock/callSupport';

export interface RecordSource {
  experiment: Experiment;
  /** The dataset's paragraphs in order: ids and texts only. */
  paragraphs: readonly { id: string; text: string }[];
}

/** Index of a model in the experiment: teacher 0, students 1.. (it is part of the record id). */
export function modelIndexOf(experiment: Experiment, modelId: string): number {
  return [experiment.config.teacherModelId, ...experiment.config.studentModelIds].indexOf(modelId);
}

export const recordCount = (src: RecordSource): number =>
  src.paragraphs.length * src.experiment.config.repeats;

const PLACEHOLDER = '\u0000distill-roi-prompt\u0000';

/**
 * The JSON around a record's two variable parts (its id and its prompt), built once per model
 * from the same request object the runner sends, so that a line is a few string joins rather
 * than a fresh object tree per record (100,000 records are planned, uploaded and rebuilt).
 */
function linePieces(
  src: RecordSource,
  modelId: string,
): { head: string; mid: string; tail: string } {
  const { config } = src.experiment;
  const { modelId: _omit, ...modelInput } = toConverseInput({
    modelId,
    userText: PLACEHOLDER,
    ...(config.systemPrompt !== null ? { system: config.systemPrompt } : {}),
    maxTokens: config.inference.maxTokens,
    temperature: config.inference.temperature,
    topP: config.inference.topP,
  });
  const whole = JSON.stringify({ recordId: PLACEHOLDER, modelInput });
  const quoted = JSON.stringify(PLACEHOLDER);
  const first = whole.indexOf(quoted);
  const second = whole.indexOf(quoted, first + quoted.length);
  return {
    head: whole.slice(0, first),
    mid: whole.slice(first + quoted.length, second),
    tail: `${whole.slice(second + quoted.length)}\n`,
  };
}

const pieceCache = new WeakMap<RecordSource, Map<string, ReturnType<typeof linePieces>>>();

function piecesFor(src: RecordSource, modelId: string): ReturnType<typeof linePieces> {
  let byModel = pieceCache.get(src);
  if (!byModel) {
    byModel = new Map();
    pieceCache.set(src, byModel);
  }
  let pieces = byModel.get(modelId);
  if (!pieces) {
    pieces = linePieces(src, modelId);
    byModel.set(modelId, pieces);
  }
  return pieces;
}

const recordIdOf = (src: RecordSource, modelId: string, i: number): string => {
  const n = src.paragraphs.length;
  const p = src.paragraphs[i % n];
  if (!p) throw new RangeError(`record ${i} is outside the experiment`);
  return encodeRecordId({
    modelIndex: modelIndexOf(src.experiment, modelId),
    repeatIndex: Math.floor(i / n),
    paragraphId: p.id,
  });
};

const quotedPrompt = (src: RecordSource, text: string): string =>
  JSON.stringify(renderPrompt(src.experiment.config.promptTemplate, text));

/** The JSONL line (newline included) of record `i` of `modelId`. */
export function recordLine(src: RecordSource, modelId: string, i: number): string {
  const pieces = piecesFor(src, modelId);
  const recordId = recordIdOf(src, modelId, i);
  const text = (src.paragraphs[i % src.paragraphs.length] as { text: string }).text;
  return `${pieces.head}${JSON.stringify(recordId)}${pieces.mid}${quotedPrompt(src, text)}${pieces.tail}`;
}

const positionCache = new WeakMap<RecordSource, Map<string, number>>();

/** Each paragraph id's position, built once per source (every job of a pass shares it). */
export function positionsOf(src: RecordSource): Map<string, number> {
  let m = positionCache.get(src);
  if (!m) {
    m = new Map(src.paragraphs.map((p, i) => [p.id, i]));
    positionCache.set(src, m);
  }
  return m;
}

/**
 * Byte length of every record's line, for planning within the size quotas: the same sum as
 * `Buffer.byteLength(recordLine(...))`, but each paragraph's prompt is measured once for every
 * repeat and no line is built (planning 100,000 records used to build them all just to count).
 */
export function recordBytes(src: RecordSource, modelId: string): number[] {
  const pieces = piecesFor(src, modelId);
  const fixed =
    Buffer.byteLength(pieces.head) + Buffer.byteLength(pieces.mid) + Buffer.byteLength(pieces.tail);
  const prompts = src.paragraphs.map((p) => Buffer.byteLength(quotedPrompt(src, p.text)));
  const out = new Array<number>(recordCount(src));
  for (let i = 0; i < out.length; i++) {
    out[i] =
      fixed +
      Buffer.byteLength(JSON.stringify(recordIdOf(src, modelId, i))) +
      (prompts[i % prompts.length] ?? 0);
  }
  return out;
}

/**
 * A fingerprint of what the records are (paragraph ids and texts, prompt, settings), stored with
 * the plan: a resumed upload refuses to send different records under the planned job.
 */
export function recordsDigest(src: RecordSource, modelIds: readonly string[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(src.experiment.config));
  h.update(JSON.stringify(modelIds));
  for (const p of src.paragraphs) h.update(`${p.id}\u0000${p.text}\u0000`);
  return h.digest('hex');
}

/** Lines of records [first, first + count), produced as they are read (never all at once). */
export function* recordLines(
  src: RecordSource,
  modelId: string,
  first: number,
  count: number,
): Generator<string> {
  for (let i = first; i < first + count; i++) yield recordLine(src, modelId, i);
}
