import type { Database } from 'better-sqlite3';
import {
  BundleSchema,
  checkBundleHead,
  type BundlePayload,
} from '../../shared/export/bundleSchema';
import { insertDataset, listDatasets } from '../db/repos/datasets';
import { insertExperiment, setExperimentStatus } from '../db/repos/experiments';
import { ensureJudgePrompt, insertJudgeCall } from '../db/repos/judge';
import { appendParagraphs } from '../db/repos/paragraphs';
import { saveQualitySettings } from '../db/repos/qualitySettings';
import { insertRun } from '../db/repos/runs';
import { insertScore } from '../db/repos/scores';
import { AppFailure } from '../common/failure';
import { describeZodError } from '../common/inputErrors';
import { requireExperiment } from '../common/lookups';
import { refreshRougeScores } from '../quality/rougeScoring';
import { digestOf } from './bundleDigest';
import { insertSavedScenario } from './scenarioStore';

/**
 * Imports a bundle as a new experiment: checked in full first (JSON, format and version, checksum,
 * every schema and reference), then written in one transaction with new ids for everything, so a
 * refused or failing import leaves the data folder exactly as it was, and nothing existing is
 * ever overwritten.
 */

export interface ImportSummary {
  experimentId: string;
  datasetId: string;
  experimentName: string;
  datasetName: string;
  paragraphs: number;
  runs: number;
  scores: number;
  scenarios: number;
}

const refuse = (message: string) => new AppFailure('import_rejected', message);

export function parseBundle(text: string): BundlePayload {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse(
      'This file is not complete JSON: it may be truncated or damaged. Nothing was imported.',
    );
  }
  const head = checkBundleHead(raw);
  if (!head.ok) throw refuse(head.message);
  const { digest, payload } = raw as { digest?: unknown; payload?: unknown };
  if (typeof digest !== 'string' || digest !== digestOf(payload)) {
    throw refuse(
      'This bundle was changed after it was exported (its checksum does not match), so it cannot be trusted. Nothing was imported.',
    );
  }
  const parsed = BundleSchema.safeParse(raw);
  if (!parsed.success) {
    throw refuse(
      `This bundle is not valid: ${describeZodError(parsed.error)}. Nothing was imported.`,
    );
  }
  return parsed.data.payload;
}

/** The name itself if free, else "name (imported)", "name (imported 2)"… */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 1; ; n += 1) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate)) return candidate;
  }
}

function write(db: Database, p: BundlePayload): ImportSummary {
  const datasetName = freeName(p.dataset.name, new Set(listDatasets(db).map((d) => d.name)));
  const datasetId = insertDataset(db, datasetName);
  const paragraphs = [...p.dataset.paragraphs].sort((a, b) => a.position - b.position);
  const newParagraphIds = appendParagraphs(db, datasetId, paragraphs);
  const paragraphId = new Map(paragraphs.map((x, i) => [x.id, newParagraphIds[i] as string]));
  const map = (m: Map<string, string>, id: string) => m.get(id) as string;

  const experimentId = insertExperiment(db, { ...p.experiment.config, datasetId });
  const { status, statusReason } = p.experiment;
  // Nothing runs it here: a run that was going when exported can be resumed.
  setExperimentStatus(
    db,
    experimentId,
    status === 'running' ? 'interrupted' : status,
    statusReason,
  );

  const runId = new Map<string, string>();
  for (const { id, ...run } of p.runs) {
    runId.set(
      id,
      insertRun(db, { ...run, experimentId, paragraphId: map(paragraphId, run.paragraphId) }),
    );
  }
  if (p.qualitySettings) saveQualitySettings(db, experimentId, p.qualitySettings);
  const promptId = new Map<string, string>();
  for (const prompt of p.judgePrompts) {
    promptId.set(
      prompt.id,
      ensureJudgePrompt(db, experimentId, prompt.settings, prompt.fingerprint).id,
    );
  }
  for (const { id: _, ...call } of p.judgeCalls) {
    insertJudgeCall(db, {
      ...call,
      experimentId,
      promptId: map(promptId, call.promptId),
      paragraphId: map(paragraphId, call.paragraphId),
      runId: map(runId, call.runId),
      otherRunId: call.otherRunId === null ? null : map(runId, call.otherRunId),
    });
  }
  for (const { id: _, createdAt, ...score } of p.scores) {
    insertScore(
      db,
      {
        ...score,
        experimentId,
        paragraphId: map(paragraphId, score.paragraphId),
        runId: score.runId === null ? null : map(runId, score.runId),
        judgePromptId: score.judgePromptId === null ? null : map(promptId, score.judgePromptId),
      },
      createdAt,
    );
  }
  for (const s of p.scenarios) insertSavedScenario(db, experimentId, s.name, s.inputs);
  // The imported runs landed: ROUGE is brought up to date here, so reading them never writes.
  refreshRougeScores(db, requireExperiment(db, experimentId));
  return {
    experimentId,
    datasetId,
    experimentName: p.experiment.config.name,
    datasetName,
    paragraphs: paragraphs.length,
    runs: p.runs.length,
    scores: p.scores.length,
    scenarios: p.scenarios.length,
  };
}

export function importBundle(db: Database, text: string): ImportSummary {
  const payload = parseBundle(text);
  return db.transaction(() => write(db, payload))();
}
