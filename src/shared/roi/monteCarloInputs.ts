/**
 * What the Monte Carlo draws for a scenario, given the experiment behind it: the measured runs
 * (resampled token means) and the bootstrap draws of the failure shares, each only while the
 * scenario still holds the measured figures. Once the analyst types another value, the measured
 * distribution no longer describes it, so that input stays fixed and the notes say so.
 */
import { formatNumber } from '../format';
import { measuredFailureShares, type RoiEvidence } from './evidence';
import type { MonteCarloOptions, TokenSample } from './monteCarlo';
import { measuredQualityOf, tokenProfileOf } from './measurements';
import type { Scenario } from './scenario';

export interface MonteCarloInputs {
  /** Identifies the token samples, so a worker can prepare their replicates once. */
  samplesKey: string | null;
  tokenSamples: { teacher?: TokenSample[]; student?: TokenSample[] } | null;
  failureShareDraws: MonteCarloOptions['failureShareDraws'];
  /** What is drawn, and what is held fixed and why, in words. */
  notes: string[];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * The runs as samples, made once per loaded experiment: the screen asks on every slider move,
 * and rebuilding 10,000 objects each time was most of a recompute's garbage. Keyed weakly by the
 * evidence's own model entry, so a reloaded experiment gets fresh samples.
 */
const SAMPLES = new WeakMap<RoiEvidence['models'][number], TokenSample[]>();

function samplesOf(evidence: RoiEvidence, modelId: string): TokenSample[] {
  const m = evidence.models.find((x) => x.modelId === modelId);
  if (!m) return [];
  let samples = SAMPLES.get(m);
  if (!samples) {
    samples = m.inputTokens.map((inputTokens, i) => ({
      inputTokens,
      outputTokens: m.outputTokens[i] ?? 0,
    }));
    SAMPLES.set(m, samples);
  }
  return samples;
}

function sideSamples(
  evidence: RoiEvidence,
  side: Scenario['teacher'] | Scenario['student'],
  role: 'Teacher' | 'Student',
  notes: string[],
): TokenSample[] | undefined {
  const profile = tokenProfileOf(evidence, side.modelId);
  if (!profile) return undefined;
  const measured =
    same(side.inputTokensPerRequest, profile.inputTokens) &&
    same(side.outputTokensPerRequest, profile.outputTokens);
  if (!measured) {
    notes.push(`${role} tokens fixed: edited away from the measured means.`);
    return undefined;
  }
  notes.push(`${role} tokens resampled from ${formatNumber(profile.runs)} measured runs.`);
  return samplesOf(evidence, side.modelId);
}

export function monteCarloInputsFor(s: Scenario, evidence: RoiEvidence | null): MonteCarloInputs {
  const notes: string[] = [];
  if (!evidence || evidence.teacherModelId !== s.teacher.modelId) {
    notes.push('No experiment behind these figures: tokens and failure shares stay fixed.');
    return { samplesKey: null, tokenSamples: null, failureShareDraws: undefined, notes };
  }
  const teacher = sideSamples(evidence, s.teacher, 'Teacher', notes);
  const student = evidence.studentModelIds.includes(s.student.modelId)
    ? sideSamples(evidence, s.student, 'Student', notes)
    : undefined;
  const quality = measuredQualityOf(evidence, s.student.modelId);
  const shares = measuredFailureShares(evidence, s.student.modelId);
  let failureShareDraws: MonteCarloOptions['failureShareDraws'];
  if (
    quality &&
    shares &&
    same(s.quality.studentFailureShare, quality.studentFailureShare) &&
    same(s.quality.teacherFailureShare, quality.teacherFailureShare)
  ) {
    failureShareDraws = shares.result.draws;
    notes.push(
      `Failure shares drawn from ${formatNumber(shares.result.draws.student.length)} bootstrap resamples.`,
    );
  } else {
    notes.push(
      quality
        ? 'Failure shares fixed: edited away from the measured ones.'
        : 'Failure shares fixed: none measured for this student.',
    );
  }
  const tokenSamples = teacher || student ? { teacher, student } : null;
  const samplesKey = tokenSamples
    ? `${evidence.experimentId}|${teacher ? s.teacher.modelId : '-'}|${student ? s.student.modelId : '-'}`
    : null;
  return { samplesKey, tokenSamples, failureShareDraws, notes };
}

/**
 * The price and engineering-cost draws an analyst asks for: each side's prices times a
 * triangular factor in [1 − spread, 1 + spread] (service tier, batch), and the engineering cost
 * times one in [1 − overrun / 4, 1 + overrun] with mode 1, since projects overrun more often
 * than they finish early. 0 leaves the input fixed.
 */
export function uncertaintyOptions(
  priceSpread: number,
  engineeringOverrun: number,
): Pick<MonteCarloOptions, 'priceFactors' | 'engineeringFactor'> {
  const side = { low: 1 - priceSpread, high: 1 + priceSpread };
  const e = engineeringOverrun;
  return {
    ...(priceSpread > 0 ? { priceFactors: { teacher: side, student: side } } : {}),
    ...(e > 0 ? { engineeringFactor: { low: 1 - e / 4, mode: 1, high: 1 + e } } : {}),
  };
}

/** Triangular volume around the scenario's: mode at today's volume, ± `spread` (e.g. 0.3). */
export function volumeRange(
  s: Scenario,
  spread: number,
): { low: number; mode: number; high: number } {
  const v = s.volume.requestsPerMonth;
  return { low: v * (1 - spread), mode: v, high: v * (1 + spread) };
}
