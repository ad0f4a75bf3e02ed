import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { ROUGE_TYPES, scoreRouge } from '../../shared/metrics';
import { textFingerprint } from '../../shared/quality/hash';
import { rougeMetricKey, type RougeTarget } from '../../shared/quality/metricKeys';
import { experimentReferences } from '../db/repos/experimentParagraphs';
import { runOutputsOfParagraphs, runParagraphIdsAfter, type RunOutput } from '../db/repos/runs';
import { getQualitySettings } from '../db/repos/qualitySettings';
import { deleteRougeScore, insertScore, rougeProvenanceOfParagraphs } from '../db/repos/scores';
import { listExperiments } from '../db/repos/experiments';

/**
 * Keeps the stored ROUGE scores of an experiment current: every successful output is scored
 * against its paragraph's reference (when there is one) and, for students, against the teacher's
 * output (the teacher's run with the same repeat index, else its first). Each stored value
 * carries a fingerprint of the texts it was computed from, so a refresh redoes only what new
 * runs or a changed reference made stale.
 *
 * It runs where the inputs change, never where scores are read (the quality view, the report,
 * CSV and bundle exports only read): as runs land (the runner, every ROUGE_EVERY_RUNS results and
 * when a session ends, for just the paragraphs whose calls landed; batch output; a bundle
 * import), when the quality settings are saved, when a dataset's paragraphs are edited,
 * and once for every experiment when the app starts (stores written by an older version).
 *
 * Whether ROUGE stems (the quality setting `rougeStemmed`) is stored with each value too. The
 * store keeps one ROUGE value per output and metric (`scores_one_rouge`), so when the analyst
 * switches stemming every value is recomputed in the same transaction as a refresh, and readers
 * never see stemmed and unstemmed values side by side.
 */

/** How many results a running session stores between two refreshes (and one more at its end). */
export const ROUGE_EVERY_RUNS = 25;

/** Paragraphs per page of a refresh: its memory is a page's runs, not the experiment's. */
const PAGE_PARAGRAPHS = 500;

interface Target {
  run: RunOutput & { outputText: string };
  target: RougeTarget;
  text: string;
  fingerprint: string;
}

/** What one page's successful outputs are scored against: the reference, and for students the teacher. */
function targetsOf(runs: RunOutput[], references: Map<string, string | null>): Target[] {
  const ok = runs.filter((r): r is RunOutput & { outputText: string } => r.outputText !== null);
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
  const add = (run: RunOutput & { outputText: string }, target: RougeTarget, text: string) =>
    out.push({ run, target, text, fingerprint: textFingerprint(`${text}\u0001${run.outputText}`) });
  for (const run of ok) {
    const reference = references.get(run.paragraphId) ?? null;
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

/**
 * The pages a refresh reads, as ranges of paragraph ids: a page of paragraphs at a time, or one
 * page per paragraph when only some are asked for. Either way all of a paragraph's runs are in
 * the same page, so a student finds its teacher.
 */
function* pagesOf(
  db: Database,
  experimentId: string,
  only: ReadonlySet<string> | undefined,
): Generator<readonly [string, string]> {
  if (only) {
    for (const id of [...only].sort()) yield [id, id];
    return;
  }
  let after = '';
  for (;;) {
    const ids = runParagraphIdsAfter(db, experimentId, after, PAGE_PARAGRAPHS);
    const [first, last] = [ids[0], ids.at(-1)];
    if (first === undefined || last === undefined) return;
    after = last;
    yield [first, last];
  }
}

/**
 * Brings the experiment's ROUGE values up to date, or only those of the paragraphs in `only`:
 * a running session passes the paragraphs whose calls landed since its last refresh, so each
 * refresh costs what landed, not what the experiment holds (a full pass at 4,000 calls held
 * the runner's event loop for about 300 ms, stalling every call in flight).
 */
export function refreshRougeScores(
  db: Database,
  experiment: Experiment,
  only?: ReadonlySet<string>,
): { scored: number; removed: number; stemmed: boolean } {
  const stem = getQualitySettings(db, experiment.id).rougeStemmed;
  let scored = 0;
  let removed = 0;
  // One transaction, so readers never see stemmed and unstemmed values side by side; the reads
  // inside it go a page of paragraphs at a time, so memory does not grow with the experiment.
  db.transaction(() => {
    for (const [first, last] of pagesOf(db, experiment.id, only)) {
      const stored = rougeProvenanceOfParagraphs(db, experiment.id, first, last);
      const current = (key: string, fingerprint: string) => {
        const p = stored.get(key);
        return p?.fingerprint === fingerprint && p.stemmed === stem;
      };
      const runs = runOutputsOfParagraphs(db, experiment.id, first, last);
      const wanted = new Set<string>();
      for (const t of targetsOf(runs, experimentReferences(db, experiment, first, last))) {
        const keys = ROUGE_TYPES.map((type) => `${t.run.id}|${rougeMetricKey(type, t.target)}`);
        keys.forEach((k) => wanted.add(k));
        if (keys.every((k) => current(k, t.fingerprint))) continue;
        const scores = scoreRouge(t.text, t.run.outputText, { stem });
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
      // A value whose output failed since, or whose reference was removed, is no longer wanted.
      for (const key of stored.keys()) {
        if (wanted.has(key)) continue;
        const [runId, metric] = key.split('|') as [string, string];
        deleteRougeScore(db, runId, metric);
        removed++;
      }
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
