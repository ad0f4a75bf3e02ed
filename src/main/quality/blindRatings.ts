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
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { setLastRater } from '../db/repos/qualitySettings';
import { listRuns } from '../db/repos/runs';
import { humanScoresBy, upsertHumanScore, type HumanScore } from '../db/repos/scores';
import { AppFailure } from '../handlers/failure';
import { sampleKey, sampleRuns } from './samples';

/**
 * Blind rating of teacher against one student. The order behind the A/B labels is seeded by
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
  const item = {
    paragraphId: pair.paragraph.id,
    position: pair.paragraph.position,
    text: pair.paragraph.text,
    reference: pair.paragraph.reference,
    A: pair.order.A === 'teacher' ? pair.teacher.text : pair.student.text,
    B: pair.order.B === 'teacher' ? pair.teacher.text : pair.student.text,
    ratingA: rating('A'),
    ratingB: rating('B'),
    preferred,
    revealed: null,
    ratedAt: times.at(-1) ?? null,
  };
  return { ...item, revealed: isFullyRated(item) ? pair.order : null };
}

export function ratingSession(
  db: Database,
  e: Experiment,
  studentId: string,
  rater: string,
): RatingSession {
  const { pairs, skipped } = pairsOf(db, e, studentId);
  const mine = rater === '' ? [] : humanScoresBy(db, e.id, rater);
  return {
    experimentId: e.id,
    teacherModelId: e.config.teacherModelId,
    studentModelId: studentId,
    rater,
    items: pairs.map((p) => itemOf(p, e, studentId, mine)),
    skipped,
  };
}

function pairFor(db: Database, e: Experiment, studentId: string, paragraphId: string): Pair {
  const pair = pairsOf(db, e, studentId).pairs.find((p) => p.paragraph.id === paragraphId);
  if (!pair) throw new AppFailure('not_found', 'This paragraph has no pair of outputs to rate.');
  return pair;
}

function reread(
  db: Database,
  e: Experiment,
  studentId: string,
  pair: Pair,
  rater: string,
): RatingItem {
  return itemOf(pair, e, studentId, humanScoresBy(db, e.id, rater));
}

export function rateBlindOutput(
  db: Database,
  e: Experiment,
  i: { studentModelId: string; paragraphId: string; label: Label; rating: number; rater: string },
): RatingItem {
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
    details: { label: i.label, blind: true },
    createdBy: i.rater,
    judgePromptId: null,
  });
  setLastRater(db, i.rater);
  return reread(db, e, i.studentModelId, pair, i.rater);
}

export function rateBlindPreference(
  db: Database,
  e: Experiment,
  i: { studentModelId: string; paragraphId: string; preferred: BlindPreference; rater: string },
): RatingItem {
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
      blind: true,
    },
    createdBy: i.rater,
    judgePromptId: null,
  });
  setLastRater(db, i.rater);
  return reread(db, e, i.studentModelId, pair, i.rater);
}
