import { SHIPPED_REGIONS, shippedModelList } from '../models/shippedModelList';
import { normalizeModelId } from '../pricing/modelIds';
import { findModel } from '../pricing/models';

/** How the report names models, the workload and dates: for people, not for the API. */

export interface ModelRef {
  id: string;
  name: string;
}

/** Names of the models in the dated list shipped with the app, for models the catalog lacks. */
const SHIPPED_NAMES = new Map(
  SHIPPED_REGIONS.flatMap((r) => shippedModelList(r)?.models ?? []).map((m) => [
    m.modelId,
    m.modelName,
  ]),
);

/** A model's name from the catalog or the shipped list (profile ids and ARNs resolved), else the id. */
export const modelName = (id: string): string =>
  findModel(id)?.displayName ?? SHIPPED_NAMES.get(normalizeModelId(id).modelId) ?? id;

export const modelRef = (id: string): ModelRef => ({ id, name: modelName(id) });

/** "Llama 3 70B Instruct" → "Llama 3 70B": the question on the cover must fit on one line. */
export const shortModelName = (id: string): string => modelName(id).replace(/ Instruct$/, '');

/** What the experiment's prompt asks for, in a word; the app's default prompt summarizes. */
export function taskName(promptTemplate: string): string {
  if (/summar/i.test(promptTemplate)) return 'summarization';
  if (/translat/i.test(promptTemplate)) return 'translation';
  if (/classif/i.test(promptTemplate)) return 'classification';
  return 'this workload';
}

// Made on first use: an Intl formatter starts ICU (about 8 MB) in every process loading this file.
let date: Intl.DateTimeFormat | undefined;

/** "November 24, 2026", in UTC so that a report reads the same wherever it is printed. */
export function formatReportDate(iso: string): string {
  const d = new Date(iso);
  date ??= new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  return Number.isNaN(d.getTime()) ? iso : date.format(d);
}
