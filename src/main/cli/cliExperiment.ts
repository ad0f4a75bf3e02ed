/**
 * Turns the command line into an experiment in the store: imports the paragraph file into a new
 * dataset, snapshots each model's price (the price book, or --price), validates with the same schema
 * the app uses, or finds the experiment to resume.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { invocationFor } from '../../shared/models/invocation';
import { parseModelRef } from '../../shared/models/modelRef';
import { shippedModelList } from '../../shared/models/shippedModelList';
import { storedModelList } from '../db/repos/modelLists';
import { ParagraphInputSchema } from '../../shared/domain/dataset';
import {
  DEFAULT_PROMPT_TEMPLATE,
  ExperimentConfigSchema,
  type ModelPrice,
} from '../../shared/domain/experiment';
import { parseParagraphFile } from '../../shared/io/importParagraphs';
import {
  CATALOG_ONLY,
  modelPriceOf,
  resolvePrice,
  typedModelPrice,
  type PriceBook,
} from '../../shared/pricing/priceBook';
import { findDatasetWithContent } from '../db/repos/datasetContent';
import { getDataset, insertDataset } from '../db/repos/datasets';
import { getExperiment, insertExperiment } from '../db/repos/experiments';
import { appendParagraphs } from '../db/repos/paragraphs';
import { loadPriceBook } from '../db/repos/priceOverrides';
import { bookWithSnapshot } from '../priceList/bookWithSnapshot';
import { deleteFailedRuns } from '../db/repos/runs';
import { UsageError, type PriceOverride, type RunArgs } from './cliArgs';

/**
 * Each model's price from the price book (the catalog with the overrides saved in this data
 * folder for every scenario, as the app's setup screen reads it), or as given with --price.
 */
export function modelPrices(
  modelIds: string[],
  region: string,
  overrides: PriceOverride[],
  today: string,
  book: PriceBook = CATALOG_ONLY,
): ModelPrice[] {
  const missing: string[] = [];
  const prices = modelIds.flatMap((modelId): ModelPrice[] => {
    const own = overrides.find((o) => o.modelId === modelId);
    if (own) return [typedModelPrice(modelId, own, today, 'given with --price')];
    const found = resolvePrice(book, modelId, region);
    if (!found.found) {
      missing.push(`${found.message} Give --price ${modelId}=IN,OUT (USD per 1,000 tokens).`);
      return [];
    }
    return [modelPriceOf(found)];
  });
  if (missing.length > 0) throw new UsageError(missing.join('\n'));
  return prices;
}

function importDataset(
  db: Database,
  file: string,
  newDataset: boolean,
  say: (line: string) => void,
): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const preview = parseParagraphFile({ fileName: file, bytes });
  if (!preview.ok) throw new UsageError(preview.message);
  if (preview.accepted.length === 0) throw new UsageError(`${file} has no usable paragraph.`);
  for (const r of preview.rejected) say(`skipped line ${r.line}: ${r.reason}`);
  for (const w of preview.warnings) say(`note: ${w}`);
  const rows = preview.accepted.map((p) =>
    ParagraphInputSchema.parse({ text: p.text, reference: p.reference, tags: p.tags }),
  );
  const same = newDataset ? null : findDatasetWithContent(db, rows);
  if (same) {
    say(
      `${file} holds the same paragraphs as dataset ${same}; using it (--new-dataset for a copy)`,
    );
    return same;
  }
  const id = db.transaction(() => {
    const datasetId = insertDataset(db, basename(file));
    appendParagraphs(db, datasetId, rows);
    return datasetId;
  })();
  say(`imported ${rows.length} paragraphs from ${file} as dataset ${id}`);
  return id;
}

/**
 * Maps a bare model id to the inference profile the region needs, from the stored model list
 * (else the shipped one), saying so; any other id, or one the list does not know, is kept.
 */
function invocationIds(db: Database, region: string, say: (line: string) => void) {
  const list = storedModelList(db, region) ?? shippedModelList(region);
  const said = new Set<string>();
  return (id: string): string => {
    const ref = parseModelRef(id);
    if (!list || !ref.ok || ref.ref.kind !== 'foundationModel' || id.startsWith('arn:')) return id;
    const how = invocationFor(list, id);
    if (!how.ok || !how.needsProfile) return id;
    if (!said.has(id)) say(`note: ${how.note ?? `${id} is called as ${how.invokeId}`}`);
    said.add(id);
    return how.invokeId;
  };
}

/** The id of the experiment to run: a resumed one, or one created from the arguments. */
export function prepareExperiment(
  db: Database,
  args: RunArgs,
  say: (line: string) => void,
): string {
  if (args.resume !== undefined) {
    const found = getExperiment(db, args.resume);
    if (!found) throw new UsageError(`No experiment ${args.resume} in this data folder.`);
    if (found.status === 'running') {
      say(
        'note: this experiment is marked running (an earlier run stopped abruptly, or another process runs it).',
      );
    }
    if (args.retryFailed)
      say(`removed ${deleteFailedRuns(db, found.id)} failed calls to make them again`);
    return found.id;
  }
  const today = new Date().toISOString().slice(0, 10);
  // Prices first: a missing one must stop the command before a dataset is imported.
  const typedPrices = modelPrices(
    [args.teacher ?? '', ...args.students],
    args.region,
    args.prices,
    today,
    bookWithSnapshot(loadPriceBook(db), db, args.region),
  );
  // A model the region serves only through an inference profile is called by that profile.
  const callId = invocationIds(db, args.region, say);
  const teacher = callId(args.teacher ?? '');
  const students = args.students.map(callId);
  const prices = typedPrices.map((p) => ({ ...p, modelId: callId(p.modelId) }));
  const datasetId =
    args.dataset && 'file' in args.dataset
      ? importDataset(db, args.dataset.file, args.newDataset, say)
      : (args.dataset?.id ?? '');
  if (!getDataset(db, datasetId))
    throw new UsageError(`No dataset ${datasetId} in this data folder.`);
  const parsed = ExperimentConfigSchema.safeParse({
    name: args.name ?? `CLI run ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
    datasetId,
    teacherModelId: teacher,
    studentModelIds: students,
    region: args.region,
    promptTemplate: DEFAULT_PROMPT_TEMPLATE,
    systemPrompt: null,
    inference: { maxTokens: args.maxTokens, temperature: args.temperature, topP: args.topP },
    repeats: args.repeats,
    concurrency: args.concurrency,
    budgetUsd: args.budgetUsd,
    prices,
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'setup'}: ${i.message}`).join('\n'),
    );
  }
  return insertExperiment(db, parsed.data);
}
