import type { Database } from 'better-sqlite3';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleSchema,
  type Bundle,
  type BundlePayload,
} from '../../shared/export/bundleSchema';
import { getDataset } from '../db/repos/datasets';
import { listParagraphs } from '../db/repos/paragraphs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { listRuns } from '../db/repos/runs';
import { requireExperiment } from '../common/lookups';
import { AppFailure } from '../common/failure';
import { describeZodError } from '../common/inputErrors';
import { APP_VERSION } from '../version';
import { digestOf } from './bundleDigest';
import { listBundleJudgeCalls, listBundleJudgePrompts, listBundleScores } from './bundleRows';
import { listSavedScenarios } from './scenarioStore';
import { redactNullable } from '../../shared/security/redactSecrets';

/**
 * An experiment and everything its figures depend on, as one bundle. The bundle is checked with
 * the import's own schema before it is handed out, so a file this app exports is one it can
 * import.
 */
export function exportBundle(db: Database, experimentId: string, now = new Date()): Bundle {
  const e = requireExperiment(db, experimentId);
  // ROUGE was scored when the runs landed, so the bundle carries every score as stored.
  const dataset = getDataset(db, e.config.datasetId);
  if (!dataset) throw new AppFailure('not_found', "This experiment's dataset no longer exists.");
  const payload: BundlePayload = {
    exportedAt: now.toISOString(),
    appVersion: APP_VERSION,
    dataset: {
      id: dataset.id,
      name: dataset.name,
      paragraphs: listParagraphs(db, dataset.id).map((p) => ({
        id: p.id,
        position: p.position,
        text: p.text,
        reference: p.reference,
        tags: p.tags,
      })),
    },
    experiment: {
      id: e.id,
      config: e.config,
      status: e.status,
      statusReason: redactNullable(e.statusReason),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    },
    // Rows stored before error texts were redacted may still quote a session token.
    runs: listRuns(db, e.id).map(({ experimentId: _, ...run }) => ({
      ...run,
      errorMessage: redactNullable(run.errorMessage),
    })),
    qualitySettings: getQualitySettings(db, e.id),
    judgePrompts: listBundleJudgePrompts(db, e.id),
    judgeCalls: listBundleJudgeCalls(db, e.id),
    scores: listBundleScores(db, e.id),
    scenarios: listSavedScenarios(db, e.id).map((s) => ({
      id: s.id,
      name: s.name,
      inputs: s.scenario,
    })),
  };
  const bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    digest: digestOf(payload),
    payload,
  };
  const checked = BundleSchema.safeParse(bundle);
  if (!checked.success) {
    throw new AppFailure(
      'internal',
      `This experiment cannot be exported as it is: ${describeZodError(checked.error)}`,
    );
  }
  return bundle as Bundle;
}
