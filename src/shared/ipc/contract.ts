import { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './result';
import type { AppEvent } from './events';
import {
  DatasetSchema,
  IdSchema,
  NameSchema,
  ParagraphInputSchema,
  ParagraphSchema,
} from '../domain/dataset';
import { MAX_IMPORT_ROWS } from '../domain/limits';
import { experimentChannels } from './experimentChannels';
import { settingsChannels } from './settingsChannels';
import { qualityChannels } from './qualityChannels';
import { recoveryChannels } from './recoveryChannels';
import { reportChannels } from './reportChannels';
import { roiChannels } from './roiChannels';
import { batchChannels } from './batchChannels';
import { catalogChannels } from './catalogChannels';
import { distillChannels } from './distillChannels';
import { servingChannels } from './servingChannels';
import { billingChannels } from './billingChannels';

const empty = z.strictObject({});

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  transport: z.enum(['electron', 'browser-host']),
});

export const contract = {
  getAppInfo: { input: empty, output: AppInfoSchema },
  listDatasets: { input: empty, output: z.array(DatasetSchema) },
  createDataset: { input: z.strictObject({ name: NameSchema }), output: DatasetSchema },
  renameDataset: {
    input: z.strictObject({ id: IdSchema, name: NameSchema }),
    output: DatasetSchema,
  },
  deleteDataset: { input: z.strictObject({ id: IdSchema }), output: z.object({ id: IdSchema }) },
  addSampleDataset: { input: empty, output: DatasetSchema },
  listParagraphs: {
    input: z.strictObject({ datasetId: IdSchema }),
    output: z.array(ParagraphSchema),
  },
  addParagraph: {
    input: ParagraphInputSchema.extend({ datasetId: IdSchema }),
    output: ParagraphSchema,
  },
  updateParagraph: {
    input: ParagraphInputSchema.extend({ id: IdSchema }),
    output: ParagraphSchema,
  },
  deleteParagraph: { input: z.strictObject({ id: IdSchema }), output: z.object({ id: IdSchema }) },
  reorderParagraphs: {
    input: z.strictObject({
      datasetId: IdSchema,
      orderedIds: z.array(IdSchema).max(MAX_IMPORT_ROWS),
    }),
    output: z.array(ParagraphSchema),
  },
  importParagraphs: {
    input: z.strictObject({
      target: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('existing'), datasetId: IdSchema }),
        z.strictObject({
          kind: z.literal('new'),
          name: NameSchema,
          /** A dataset already holding exactly these paragraphs is reused unless this is true. */
          evenIfSame: z.boolean().default(false),
        }),
      ]),
      rows: z
        .array(ParagraphInputSchema)
        .min(1, 'There is nothing to import.')
        .max(MAX_IMPORT_ROWS, `At most ${MAX_IMPORT_ROWS} paragraphs per import.`),
    }),
    output: z.object({
      datasetId: IdSchema,
      added: z.number().int(),
      /** True when a dataset with the same paragraphs was reused instead of a copy made. */
      reused: z.boolean(),
    }),
  },
  ...experimentChannels,
  ...settingsChannels,
  ...qualityChannels,
  ...recoveryChannels,
  ...reportChannels,
  ...roiChannels,
  ...batchChannels,
  ...catalogChannels,
  ...distillChannels,
  ...servingChannels,
  ...billingChannels,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<K extends Channel> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends Channel> = z.output<Contract[K]['output']>;

/** What the renderer holds: one function per channel, plus the progress subscription. */
export type Api = {
  [K in Channel]: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};
