/**
 * What an experiment measured, as a ROI scenario takes it: tokens and prices per model (batch
 * calls at the batch price they ran under), each student's failure shares and the verdict's
 * evidence. The ROI screen and the evaluation of a served model both read it.
 */
import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { studentEvidence } from '../../shared/decision/decisionEvidence';
import { evidenceOf, type RoiEvidence, type StudentQuality } from '../../shared/roi/evidence';
import { listRuns } from '../db/repos/runs';
import { withBatchPrices } from '../batch/batchPrices';
import { requireExperiment } from '../common/lookups';
import { AppFailure } from '../common/failure';
import { loadFailureShares } from './failureSharesLoader';
import { loadQualityReport } from './qualityReportLoader';

/**
 * Each student's failure shares from the quality module, at the analyst's bar and metric. A
 * student the module cannot score yet gets the reason instead, never a made-up share.
 */
function studentQuality(db: Database, e: Experiment): StudentQuality[] {
  return e.config.studentModelIds.map((studentModelId) => {
    try {
      const shares = loadFailureShares(db, e, { studentModelId });
      const problem =
        shares.result.kind === 'insufficient'
          ? `${shares.result.n} scored paragraphs on ${shares.metric}; at least 5 are needed`
          : null;
      return { studentModelId, failureShares: shares, problem };
    } catch (error) {
      const problem = error instanceof AppFailure ? error.message : 'quality scores unavailable';
      return { studentModelId, failureShares: null, problem };
    }
  });
}

/** What an experiment measured, for a scenario: tokens, prices, failure shares, the verdict. */
export function roiEvidence(db: Database, experimentId: string): RoiEvidence {
  // Batch models are priced at the batch price their calls ran under.
  const e = withBatchPrices(db, requireExperiment(db, experimentId));
  const quality = studentQuality(db, e);
  const report = loadQualityReport(db, e);
  const decision = e.config.studentModelIds.map((id) => studentEvidence(report, id));
  return evidenceOf(e, listRuns(db, e.id), quality, decision);
}
