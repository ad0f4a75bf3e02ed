import type { Paragraph } from '../../shared/domain/dataset';
import { findDatasetWithContent } from '../db/repos/datasetContent';
import { experimentsWithOlderText } from '../db/repos/experimentParagraphs';
import type { ParagraphFields } from '../db/repos/paragraphs';
import * as paragraphs from '../db/repos/paragraphs';
import { insertDataset, touchDataset } from '../db/repos/datasets';
import type { HandlerContext } from '../core/context';
import { AppFailure, notFound } from '../common/failure';
import { requireDataset } from '../common/lookups';
import { refreshRougeScoresOfDataset } from '../quality/rougeScoring';

type ImportTarget =
  { kind: 'existing'; datasetId: string } | { kind: 'new'; name: string; evenIfSame?: boolean };

/** Each paragraph with the experiments that ran on an older text of it, for the editor. */
function withOlderText(ctx: HandlerContext, datasetId: string, list: Paragraph[]): Paragraph[] {
  const older = experimentsWithOlderText(ctx.db, datasetId);
  return list.map((p) => {
    const olderTextIn = older.get(p.id);
    return olderTextIn ? { ...p, olderTextIn } : p;
  });
}

function requireParagraph(ctx: HandlerContext, id: string): Paragraph {
  const found = paragraphs.getParagraph(ctx.db, id);
  if (!found) throw notFound('This paragraph');
  return withOlderText(ctx, found.datasetId, [found])[0]!;
}

export const paragraphHandlers = {
  listParagraphs: (ctx: HandlerContext, input: { datasetId: string }) => {
    requireDataset(ctx.db, input.datasetId);
    return withOlderText(ctx, input.datasetId, paragraphs.listParagraphs(ctx.db, input.datasetId));
  },

  addParagraph: (ctx: HandlerContext, input: ParagraphFields & { datasetId: string }) => {
    requireDataset(ctx.db, input.datasetId);
    const [id] = ctx.db.transaction(() => {
      touchDataset(ctx.db, input.datasetId);
      return paragraphs.appendParagraphs(ctx.db, input.datasetId, [input]);
    })();
    return requireParagraph(ctx, id as string);
  },

  updateParagraph: (ctx: HandlerContext, input: ParagraphFields & { id: string }) => {
    const current = requireParagraph(ctx, input.id);
    ctx.db.transaction(() => {
      paragraphs.updateParagraph(ctx.db, input.id, input);
      touchDataset(ctx.db, current.datasetId);
      refreshRougeScoresOfDataset(ctx.db, current.datasetId);
    })();
    return requireParagraph(ctx, input.id);
  },

  deleteParagraph: (ctx: HandlerContext, input: { id: string }) => {
    const current = requireParagraph(ctx, input.id);
    ctx.db.transaction(() => {
      paragraphs.deleteParagraph(ctx.db, input.id);
      touchDataset(ctx.db, current.datasetId);
      refreshRougeScoresOfDataset(ctx.db, current.datasetId);
    })();
    return { id: input.id };
  },

  reorderParagraphs: (ctx: HandlerContext, input: { datasetId: string; orderedIds: string[] }) => {
    requireDataset(ctx.db, input.datasetId);
    const existing = paragraphs.listParagraphs(ctx.db, input.datasetId).map((p) => p.id);
    const same =
      existing.length === input.orderedIds.length &&
      new Set(input.orderedIds).size === existing.length &&
      input.orderedIds.every((id) => existing.includes(id));
    if (!same) {
      throw new AppFailure(
        'conflict',
        'The paragraph list changed while you were reordering. Reload the dataset and try again.',
      );
    }
    ctx.db.transaction(() => {
      paragraphs.setPositions(ctx.db, input.orderedIds);
      touchDataset(ctx.db, input.datasetId);
    })();
    return withOlderText(ctx, input.datasetId, paragraphs.listParagraphs(ctx.db, input.datasetId));
  },

  /** One transaction: either every row lands (and a new dataset with them) or nothing does. */
  importParagraphs: (
    ctx: HandlerContext,
    input: { target: ImportTarget; rows: ParagraphFields[] },
  ) => {
    if (input.target.kind === 'existing') requireDataset(ctx.db, input.target.datasetId);
    const target = input.target;
    return ctx.db.transaction(() => {
      // The same file imported again opens the dataset it made, unless asked for a copy.
      const same =
        target.kind === 'new' && !target.evenIfSame
          ? findDatasetWithContent(ctx.db, input.rows)
          : null;
      if (same) return { datasetId: same, added: 0, reused: true };
      const id = target.kind === 'new' ? insertDataset(ctx.db, target.name) : target.datasetId;
      paragraphs.appendParagraphs(ctx.db, id, input.rows);
      touchDataset(ctx.db, id);
      return { datasetId: id, added: input.rows.length, reused: false };
    })();
  },
};
