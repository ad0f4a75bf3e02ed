/**
 * What an experiment's configuration would cost, from its dataset's paragraphs: the estimate the
 * setup form, the start of a run, batch setup and an evaluation all check before anything runs.
 */
import type { Database } from 'better-sqlite3';
import { renderPrompt, type ExperimentConfig } from '../../shared/domain/experiment';
import { estimateRun, type RunEstimate } from '../../shared/estimate/runEstimate';
import { listParagraphs } from '../db/repos/paragraphs';
import { requireDataset } from '../common/lookups';
import { AppFailure } from '../common/failure';
import { countPromptTokens } from './promptTokens';

export function estimateFor(db: Database, c: ExperimentConfig): RunEstimate {
  requireDataset(db, c.datasetId);
  const prompts = listParagraphs(db, c.datasetId).map((p) =>
    renderPrompt(c.promptTemplate, p.text),
  );
  if (prompts.length === 0) {
    throw new AppFailure(
      'invalid_input',
      'This dataset has no paragraphs yet. Add some before running.',
    );
  }
  const models = [c.teacherModelId, ...c.studentModelIds].map((m) =>
    countPromptTokens(m, prompts, c.systemPrompt),
  );
  return estimateRun(models, {
    repeats: c.repeats,
    maxTokens: c.inference.maxTokens,
    prices: c.prices,
    budgetUsd: c.budgetUsd,
  });
}
