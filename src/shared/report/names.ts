import { findModel } from '../pricing/models';

/** How the report names models, the workload and dates: for people, not for the API. */

export interface ModelRef {
  id: string;
  name: string;
}

export const modelName = (id: string): string => findModel(id)?.displayName ?? id;

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

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** "November 24, 2026", in UTC so that a report reads the same wherever it is printed. */
export function formatReportDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}
