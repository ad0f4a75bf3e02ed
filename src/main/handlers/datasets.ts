import { SAMPLE_DATASET_NAME, SAMPLE_PARAGRAPHS } from '../../shared/samples/sampleParagraphs';
import { ParagraphInputSchema } from '../../shared/domain/dataset';
import { findDatasetWithContent } from '../db/repos/datasetContent';
import * as datasets from '../db/repos/datasets';
import { appendParagraphs } from '../db/repos/paragraphs';
import type { HandlerContext } from '../core/context';
import { AppFailure, notFound } from '../common/failure';
import { requireDataset } from '../common/lookups';

export const datasetHandlers = {
  listDatasets: (ctx: HandlerContext) => datasets.listDatasets(ctx.db),

  createDataset: (ctx: HandlerContext, input: { name: string }) =>
    requireDataset(ctx.db, datasets.insertDataset(ctx.db, input.name)),

  renameDataset: (ctx: HandlerContext, input: { id: string; name: string }) => {
    if (!datasets.renameDataset(ctx.db, input.id, input.name)) throw notFound('This dataset');
    return requireDataset(ctx.db, input.id);
  },

  deleteDataset: (ctx: HandlerContext, input: { id: string }) => {
    requireDataset(ctx.db, input.id);
    const used = datasets.countExperimentsUsing(ctx.db, input.id);
    if (used > 0) {
      throw new AppFailure(
        'conflict',
        `This dataset is used by ${used} experiment${used === 1 ? '' : 's'}. Delete ${used === 1 ? 'it' : 'them'} first, so that no result loses its paragraphs.`,
      );
    }
    datasets.deleteDataset(ctx.db, input.id);
    return { id: input.id };
  },

  /**
   * Adds the sample once: while a dataset holds its paragraphs, or still bears its name (the
   * analyst may have edited it), a second click opens that dataset.
   */
  addSampleDataset: (ctx: HandlerContext) => {
    const rows = SAMPLE_PARAGRAPHS.map((p) => ParagraphInputSchema.parse(p));
    const id = ctx.db.transaction(() => {
      const existing =
        findDatasetWithContent(ctx.db, rows) ??
        datasets.listDatasets(ctx.db).find((d) => d.name === SAMPLE_DATASET_NAME)?.id;
      if (existing) return existing;
      const datasetId = datasets.insertDataset(ctx.db, SAMPLE_DATASET_NAME);
      appendParagraphs(ctx.db, datasetId, rows);
      return datasetId;
    })();
    return requireDataset(ctx.db, id);
  },
};
