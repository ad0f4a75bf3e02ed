import { useMemo, useState } from 'react';
import {
  DEFAULT_PROMPT_TEMPLATE,
  ExperimentConfigSchema,
  type ExperimentConfig,
} from '../../../../shared/domain/experiment';
import type { ServiceTier } from '../../../../shared/domain/serviceTier';
import type { ModelList } from '../../../../shared/models/modelList';
import { resolveBaseModel } from '../../../../shared/models/modelListView';
import { applyServiceTiers } from '../../../../shared/pricing/priceList/experimentTiers';
import type { PriceSnapshot } from '../../../../shared/pricing/priceList/priceSnapshot';
import {
  snapshotCatalog,
  withSnapshotCatalogs,
  type ModelNaming,
} from '../../../../shared/pricing/priceList/snapshotPrices';
import type { PriceBook } from '../../../../shared/pricing/priceBook';
import { useSavedPriceBook } from '../roi/useSavedPriceBook';
import { pricesForModels } from './pricesForModels';

export interface Draft {
  name: string;
  datasetId: string;
  teacherModelId: string;
  studentModelIds: string[];
  region: string;
  promptTemplate: string;
  systemPrompt: string;
  maxTokens: number;
  temperature: number;
  topP: number;
  repeats: number;
  concurrency: number;
  budgetUsd: string;
  typedPrices: Record<string, { input: number; output: number }>;
  /** Service tier per model id (absent: Standard). */
  tiers: Record<string, ServiceTier>;
  reservedCapacity: boolean;
}

export const initialDraft = (datasetId: string): Draft => ({
  name: 'Llama 3 70B → 8B summaries',
  datasetId,
  teacherModelId: 'meta.llama3-70b-instruct-v1:0',
  studentModelIds: ['meta.llama3-8b-instruct-v1:0'],
  region: 'us-east-1',
  promptTemplate: DEFAULT_PROMPT_TEMPLATE,
  systemPrompt: '',
  maxTokens: 512,
  temperature: 0.5,
  topP: 0.9,
  repeats: 3,
  concurrency: 4,
  budgetUsd: '5',
  typedPrices: {},
  tiers: {},
  reservedCapacity: false,
});

const today = () => new Date().toISOString().slice(0, 10);

/** The form's state, and the validated config it stands for (or the first reason it does not). */
export interface TierContext {
  snapshot: PriceSnapshot | null;
  names: readonly ModelNaming[];
  /** The region's model list, to price an application profile ARN at its base model. */
  list: ModelList | null;
}

export function useExperimentDraft(datasetId: string, tierContext: TierContext) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(datasetId));
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // The saved overrides for every scenario price the setup too, as they price the ROI screen.
  const book = useSavedPriceBook();

  const models = useMemo(
    () => [draft.teacherModelId, ...draft.studentModelIds],
    [draft.teacherModelId, draft.studentModelIds],
  );
  const { snapshot, names, list } = tierContext;
  const priced = useMemo(() => {
    const baseOf = (id: string) => {
      const r = resolveBaseModel(id, list ? [list] : []);
      return r.ok ? r.baseModelId : id;
    };
    // The latest Price List snapshot is the catalog layer of the book where it has the model.
    const withSnapshot: PriceBook = snapshot
      ? { ...book, catalog: withSnapshotCatalogs(book.catalog, [snapshotCatalog(snapshot, names)]) }
      : book;
    const base = pricesForModels(
      models,
      draft.region,
      draft.typedPrices,
      today(),
      withSnapshot,
      baseOf,
    );
    const tiered = applyServiceTiers(
      base.prices,
      draft.tiers,
      snapshot,
      names,
      new Set(Object.keys(draft.typedPrices)),
    );
    return {
      prices: tiered.prices,
      missing: [...base.missing, ...tiered.missing],
      notes: { ...base.notes, ...tiered.notes },
    };
  }, [models, draft.region, draft.typedPrices, draft.tiers, snapshot, names, list, book]);

  const parsed = useMemo(() => {
    const budget = draft.budgetUsd.trim() === '' ? null : Number(draft.budgetUsd);
    return ExperimentConfigSchema.safeParse({
      name: draft.name,
      datasetId: draft.datasetId,
      teacherModelId: draft.teacherModelId,
      studentModelIds: draft.studentModelIds,
      region: draft.region,
      promptTemplate: draft.promptTemplate,
      systemPrompt: draft.systemPrompt.trim() === '' ? null : draft.systemPrompt,
      inference: { maxTokens: draft.maxTokens, temperature: draft.temperature, topP: draft.topP },
      repeats: draft.repeats,
      concurrency: draft.concurrency,
      budgetUsd: budget,
      prices: priced.prices,
    } satisfies Record<keyof ExperimentConfig, unknown>);
  }, [draft, priced.prices]);

  const problem = parsed.success
    ? null
    : (parsed.error.issues[0]?.message ?? 'Something in the setup is not valid.');
  return { draft, update, priced, config: parsed.success ? parsed.data : null, problem };
}
