import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import type { RunRecord } from '../../shared/domain/run';
import { ROUGE_TYPES, scoreRouge } from '../../shared/metrics';
import { textFingerprint } from '../../shared/quality/hash';
import { rougeMetricKey, type RougeTarget } from '../../shared/quality/metricKeys';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { listRuns } from '../db/repos/runs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { deleteRougeScore, insertScore, rougeProvenance } from '../db/repos/scores';
import { listExperiments } from '../db/repos/experiments';

/**
 * Keeps the stored ROUGE scores of an experiment current: every successful output is scored
 * against its paragraph's reference (when there is one) and, for students, against the teacher's
 * output (the teacher's run with the same repeat index, else its first). Each stored value
 * carries a fingerprint of the texts it was computed from, so a refresh redoes only what new
 * runs or a changed reference made stale.
 *
 * It runs where the inputs change, never where scores are read (the quality view, the report,
 * CSV and bundle exports only read): as runs land (the runner, after ROUGE_EVERY_RUNS results or a
 * quarter of those landed so far, and when a session ends; batch output; a bundle import), when
 * the quality settings are saved, when a dataset's paragraphs are edited,
 * and once for every experiment when the app starts (stores written by an older version).
 *
 * Whether ROUGE stems (the quality setting `rougeStemmed`) is stored with each value too. The
 * store keeps one ROUGE value per output and metric (`scores_one_rouge`), so when the analyst
 * switches stemming every value is recomputed in the same transaction as a refresh, and readers
 * never see stemmed and unstemmed values side by side.
 */

/** How many results a running session stores between two refreshes (and one more at its end). */
export const ROUGE_EVERY_RUNS = 25;

interface Target {
  run: RunRecord;
  target: RougeTarget;
  text: string;
  fingerprint: string;
}

function targetsOf(db: Database, experiment: Experiment): Target[] {
  const paragraphs = new Map(experimentParagraphs(db, experiment).map((p) => [p.id, p]));
  const ok = listRuns(db, experiment.id).filter(
    (r): r is RunRecord & { outputText: string } => r.status === 'ok' && r.outputText !== null,
  );
  const teacherByRepeat = new Map<string, string>();
  const teacherFirst = new Map<string, { repeat: number; text: string }>();
  for (const r of ok) {
    if (r.role !== 'teacher') continue;
    teacherByRepeat.set(`${r.paragraphId}|${r.repeatIndex}`, r.outputText);
    const first = teacherFirst.get(r.paragraphId);
    if (!first || r.repeatIndex < first.repeat) {
      teacherFirst.set(r.paragraphId, { repeat: r.repeatIndex, text: r.outputText });
    }
  }
  const out: Target[] = [];
  const add = (run: RunRecord & { outputText: string }, target: RougeTarget, text: string) =>
    out.push({ run, target, text, fingerprint: textFingerprint(`${text}\u0001${run.outputText}`) });
  for (const run of ok) {
    const reference = paragraphs.get(run.paragraphId)?.reference ?? null;
    if (reference !== null) add(run, 'reference', reference);
    if (run.role === 'student') {
      const teacher =
        teacherByRepeat.get(`${run.paragraphId}|${run.repeatIndex}`) ??
        teacherFirst.get(run.paragraphId)?.text;
      if (teacher !== undefined) add(run, 'teacher', teacher);
    }
  }
  return out;
}

export function refreshRougeScores(
  db: Database,
  experiment: Experiment,
): { scored: number; removed: number; stemmed: boolean } {
  const stem = getQualitySettings(db, experiment.id).rougeStemmed;
  const stored = rougeProvenance(db, experiment.id);
  const current = (key: string, fingerprint: string) => {
    const p = stored.get(key);
    return p?.fingerprint === fingerprint && p.stemmed === stem;
  };
  const wanted = new Set<string>();
  let scored = 0;
  let removed = 0;
  db.transaction(() => {
    for (const t of targetsOf(db, experiment)) {
      const keys = ROUGE_TYPES.map((type) => `${t.run.id}|${rougeMetricKey(type, t.target)}`);
      keys.forEach((k) => wanted.add(k));
      if (keys.every((k) => current(k, t.fingerprint))) continue;
      const scores = scoreRouge(t.text, t.run.outputText as string, { stem });
      for (const type of ROUGE_TYPES) {
        const metric = rougeMetricKey(type, t.target);
        deleteRougeScore(db, t.run.id, metric);
        insertScore(db, {
          experimentId: experiment.id,
          paragraphId: t.run.paragraphId,
          modelId: t.run.modelId,
          runId: t.run.id,
          source: 'rouge',
          metric,
          value: scores[type].fmeasure,
          details: {
            precision: scores[type].precision,
            recall: scores[type].recall,
            stemmed: stem,
            fingerprint: t.fingerprint,
          },
          createdBy: null,
          judgePromptId: null,
        });
      }
      scored++;
    }
    for (const key of stored.keys()) {
      if (wanted.has(key)) continue;
      const [runId, metric] = key.split('|') as [string, string];
      deleteRougeScore(db, runId, metric);
      removed++;
    }
  })();
  return { scored, removed, stemmed: stem };
}

/** Every experiment of the store, brought up to date: at start, for runs stored by older versions. */
export function refreshAllRougeScores(db: Database): void {
  for (const e of listExperiments(db)) refreshRougeScores(db, e);
}

/**
 * The experiments of a dataset, after its paragraphs changed: an experiment whose texts were
 * never frozen reads its references from the dataset, so an edited reference rescores it.
 */
export function refreshRougeScoresOfDataset(db: Database, datasetId: string): void {
  for (const e of listExperiments(db)) {
    if (e.config.datasetId === datasetId) refreshRougeScores(db, e);
  }
}
