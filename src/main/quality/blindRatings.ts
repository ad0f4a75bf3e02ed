import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { blindOrder, type BlindPair } from '../../shared/quality/blindOrder';
import { fnv1a32 } from '../../shared/quality/hash';
import { HUMAN_PREFERENCE_METRIC, HUMAN_RATING_METRIC } from '../../shared/quality/metricKeys';
import { preferenceValue } from '../../shared/quality/pairwise';
import {
  isFullyRated,
  type BlindPreference,
  type Label,
  type RatingItem,
  type RatingSession,
} from '../../shared/quality/ratings';
import { findBlindReveal, recordBlindReveal } from '../db/repos/blindReveals';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { setLastRater } from '../db/repos/qualitySettings';
import { listRuns } from '../db/repos/runs';
import { humanScoresBy, upsertHumanScore, type HumanScore } from '../db/repos/scores';
import { AppFailure } from '../common/failure';
import { sampleKey, sampleRuns } from './samples';

/**
 * Blind rating of teacher against one student, unmasked only when the rater has finished the set
 * or asks to (see ratings.ts). The order behind the A/B labels is seeded by
 * the experiment and the paragraph (not by the report's bootstrap seed, which the analyst may
 * change), so a reload shows the same order. Ratings are stored per model, so they count the
 * same whichever label the output had.
 */

const orderFor = (experimentId: string, paragraphId: string, studentId: string): BlindPair =>
  blindOrder(fnv1a32(experimentId), paragraphId, studentId);

interface Pair {
  paragraph: { id: string; position: number; text: string; reference: string | null };
  teacher: { runId: string; text: string };
  student: { runId: string; text: string };
  order: BlindPair;
}

function pairsOf(
  db: Database,
  e: Experiment,
  studentId: string,
): { pairs: Pair[]; skipped: number } {
  if (!e.config.studentModelIds.includes(studentId)) {
    throw new AppFailure('invalid_input', 'This model is not a student of the experiment.');
  }
  const samples = sampleRuns(listRuns(db, e.id));
  const pairs: Pair[] = [];
  let skipped = 0;
  for (const p of experimentParagraphs(db, e)) {
    const t = samples.get(sampleKey(p.id, e.config.teacherModelId));
    const s = samples.get(sampleKey(p.id, studentId));
    if (!t || !s) {
      skipped++;
      continue;
    }
    pairs.push({
      paragraph: p,
      teacher: { runId: t.id, text: t.outputText as string },
      student: { runId: s.id, text: s.outputText as string },
      order: orderFor(e.id, p.id, studentId),
    });
  }
  return { pairs, skipped };
}

function itemOf(
  pair: Pair,
  e: Experiment,
  studentId: string,
  mine: readonly HumanScore[],
  revealed: boolean,
): RatingItem {
  const here = mine.filter((m) => m.paragraphId === pair.paragraph.id);
  const modelOf = (label: Label) =>
    pair.order[label] === 'teacher' ? e.config.teacherModelId : studentId;
  const rating = (label: Label) =>
    here.find((m) => m.metric === HUMAN_RATING_METRIC && m.modelId === modelOf(label))?.value ??
    null;
  const pref = here.find((m) => m.metric === HUMAN_PREFERENCE_METRIC && m.modelId === studentId);
  const label = pref?.details.label;
  const preferred: BlindPreference | null =
    label === 'A' || label === 'B' || label === 'tie' ? label : null;
  const times = here
    .filter(
      (m) =>
        m.metric === HUMAN_PREFERENCE_METRIC || [modelOf('A'), modelOf('B')].includes(m.modelId),
    )
    .map((m) => m.createdAt)
    .sort();
  return {
    paragraphId: pair.paragraph.id,
    position: pair.paragraph.position,
    text: pair.paragraph.text,
    reference: pair.paragraph.reference,
    A: pair.order.A === 'teacher' ? pair.teacher.text : pair.student.text,
    B: pair.order.B === 'teacher' ? pair.teacher.text : pair.student.text,
    ratingA: rating('A'),
    ratingB: rating('B'),
    preferred,
    revealed: revealed ? pair.order : null,
    ratedAt: times.at(-1) ?? null,
  };
}

export function ratingSession(
  db: Database,
  e: Experiment,
  studentId: string,
  rater: string,
): RatingSession {
  const { pairs, skipped } = pairsOf(db, e, studentId);
  const mine = rater === '' ? [] : humanScoresBy(db, e.id, rater);
  const reveal = rater === '' ? null : findBlindReveal(db, e.id, studentId, rater);
  return {
    experimentId: e.id,
    teacherModelId: e.config.teacherModelId,
    studentModelId: studentId,
    rater,
    items: pairs.map((p) => itemOf(p, e, studentId, mine, reveal !== null)),
    skipped,
    reveal,
  };
}

/** The set once more after a rating: unmasked as soon as its last paragraph is fully rated. */
function afterRating(db: Database, e: Experiment, studentId: string, rater: string) {
  const session = ratingSession(db, e, studentId, rater);
  const rated = session.items.filter(isFullyRated).length;
  if (session.reveal !== null || rated < session.items.length) return session;
  recordBlindReveal(db, e.id, studentId, e.config.teacherModelId, rater, {
    reason: 'finished',
    ratedItems: rated,
    totalItems: session.items.length,
  });
  return ratingSession(db, e, studentId, rater);
}

/** The rater asks to see the models before finishing; recorded with how far the set was rated. */
export function revealBlindSet(
  db: Database,
  e: Experiment,
  studentId: string,
  rater: string,
): RatingSession {
  const session = ratingSession(db, e, studentId, rater);
  if (session.reveal !== null) return session;
  const rated = session.items.filter(isFullyRated).length;
  recordBlindReveal(db, e.id, studentId, e.config.teacherModelId, rater, {
    reason: rated === session.items.length ? 'finished' : 'asked',
    ratedItems: rated,
    totalItems: session.items.length,
  });
  return ratingSession(db, e, studentId, rater);
}

/** Whether a rating made now is still blind (its set not yet unmasked for this rater). */
const stillBlind = (db: Database, e: Experiment, studentId: string, rater: string): boolean =>
  findBlindReveal(db, e.id, studentId, rater) === null;

function pairFor(db: Database, e: Experiment, studentId: string, paragraphId: string): Pair {
  const pair = pairsOf(db, e, studentId).pairs.find((p) => p.paragraph.id === paragraphId);
  if (!pair) throw new AppFailure('not_found', 'This paragraph has no pair of outputs to rate.');
  return pair;
}

export function rateBlindOutput(
  db: Database,
  e: Experiment,
  i: { studentModelId: string; paragraphId: string; label: Label; rating: number; rater: string },
): RatingSession {
  const pair = pairFor(db, e, i.studentModelId, i.paragraphId);
  const role = pair.order[i.label];
  const run = role === 'teacher' ? pair.teacher : pair.student;
  upsertHumanScore(db, {
    experimentId: e.id,
    paragraphId: i.paragraphId,
    modelId: role === 'teacher' ? e.config.teacherModelId : i.studentModelId,
    runId: run.runId,
    source: 'human',
    metric: HUMAN_RATING_METRIC,
    value: i.rating,
    details: { label: i.label, blind: stillBlind(db, e, i.studentModelId, i.rater) },
    createdBy: i.rater,
    judgePromptId: null,
  });
  setLastRater(db, i.rater);
  return afterRating(db, e, i.studentModelId, i.rater);
}

export function rateBlindPreference(
  db: Database,
  e: Experiment,
  i: { studentModelId: string; paragraphId: string; preferred: BlindPreference; rater: string },
): RatingSession {
  const pair = pairFor(db, e, i.studentModelId, i.paragraphId);
  const preference = i.preferred === 'tie' ? 'tie' : pair.order[i.preferred];
  upsertHumanScore(db, {
    experimentId: e.id,
    paragraphId: i.paragraphId,
    modelId: i.studentModelId,
    runId: pair.student.runId,
    source: 'human',
    metric: HUMAN_PREFERENCE_METRIC,
    value: preferenceValue(preference),
    details: {
      label: i.preferred,
      order: pair.order,
      teacherRunId: pair.teacher.runId,
      blind: stillBlind(db, e, i.studentModelId, i.rater),
    },
    createdBy: i.rater,
    judgePromptId: null,
  });
  setLastRater(db, i.rater);
  return afterRating(db, e, i.studentModelId, i.rater);
}
