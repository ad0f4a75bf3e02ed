/**
 * Evaluating a served custom model: an experiment with the same paragraphs, the teacher and the
 * serving's ARN as the student, so the existing runner measures quality, latency and cost; then
 * a ROI scenario from what it measured, with the distillation's actual one-off cost in place of
 * an estimate. The student is served the way it was bought (provisioned hours or custom-model
 * per-token rates), never at its base model's price.
 */
import type { Database } from 'better-sqlite3';
import {
  DEFAULT_PROMPT_TEMPLATE,
  type ExperimentConfig,
  type ModelPrice,
} from '../../shared/domain/experiment';
import { modelPriceOf, resolvePrice, typedModelPrice } from '../../shared/pricing/priceBook';
import type { RoiEvidence } from '../../shared/roi/evidence';
import { prefillFromEvidence } from '../../shared/roi/prefill';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../shared/roi/scenario';
import { startingScenario } from '../../shared/roi/startingScenario';
import type { Serving } from '../../shared/serving/servingDomain';
import { loadPriceBook } from '../db/repos/priceOverrides';
import { listParagraphs } from '../db/repos/paragraphs';
import { AppFailure } from '../common/failure';
import { estimateFor } from '../estimate/experimentEstimate';
import { roiEvidence } from '../quality/roiEvidence';
import { getExperiment, insertExperiment } from '../db/repos/experiments';
import { findScenarioByName, insertScenario } from '../db/repos/scenarios';
import { linkEvaluation } from '../db/repos/servings';
import { bookWithSnapshot } from '../priceList/bookWithSnapshot';

const today = () => new Date().toISOString().slice(0, 10);

/** The serving's own per-token price: the deployment's custom-model rates, or 0 for hours. */
function studentPrice(s: Serving & { arn: string }): ModelPrice {
  if (s.kind === 'provisioned') {
    return typedModelPrice(
      s.arn,
      { inputUsdPer1k: 0, outputUsdPer1k: 0 },
      today(),
      'Provisioned Throughput: billed by the hour, not per token',
    );
  }
  if (s.inputUsdPer1k === null || s.outputUsdPer1k === null) {
    throw new AppFailure(
      'invalid_input',
      'This deployment has no custom-model per-token rates: serve it again with the input and output prices per 1,000 tokens.',
    );
  }
  return typedModelPrice(
    s.arn,
    { inputUsdPer1k: s.inputUsdPer1k, outputUsdPer1k: s.outputUsdPer1k },
    today(),
    'custom-model per-token rate of the deployment',
  );
}

export function requireInService(s: Serving): Serving & { arn: string } {
  if (s.phase !== 'inService' || !s.arn) {
    throw new AppFailure(
      'conflict',
      `${s.customModelName} is not in service (${s.phase}); it can be evaluated once it is.`,
    );
  }
  return { ...s, arn: s.arn };
}

export function evaluationConfig(
  db: Database,
  serving: Serving,
  input: { datasetId: string; teacherModelId: string },
): ExperimentConfig {
  const s = requireInService(serving);
  const book = bookWithSnapshot(loadPriceBook(db), db, s.region);
  const teacher = resolvePrice(book, input.teacherModelId, s.region);
  if (!teacher.found) {
    throw new AppFailure(
      'invalid_input',
      `${teacher.message} Save a price for the teacher ${input.teacherModelId} on the ROI screen first.`,
    );
  }
  return {
    name: `Evaluate ${s.customModelName}`.slice(0, 120),
    datasetId: input.datasetId,
    teacherModelId: input.teacherModelId,
    studentModelIds: [s.arn],
    region: s.region,
    promptTemplate: DEFAULT_PROMPT_TEMPLATE,
    systemPrompt: null,
    inference: { maxTokens: 512, temperature: 0, topP: 1 },
    repeats: 1,
    concurrency: 4,
    budgetUsd: null,
    prices: [modelPriceOf(teacher), studentPrice(s)],
  };
}

function scenarioServing(
  s: Serving,
  capacityTokensPerMinutePerUnit: number | undefined,
): ScenarioInput['student']['serving'] {
  if (s.kind === 'customModelOnDemand') {
    return {
      kind: 'customModelOnDemand',
      inputUsdPer1k: s.inputUsdPer1k ?? 0,
      outputUsdPer1k: s.outputUsdPer1k ?? 0,
      priceSource: 'custom-model per-token rate of the deployment',
    };
  }
  if (s.usdPerHourPerUnit === null) {
    throw new AppFailure(
      'invalid_input',
      'usdPerHourPerUnit: this Provisioned Throughput has no hourly rate per unit; serve it with one.',
    );
  }
  if (capacityTokensPerMinutePerUnit === undefined) {
    throw new AppFailure(
      'invalid_input',
      'capacityTokensPerMinutePerUnit: enter the tokens per minute one model unit carries (AWS publishes no figure).',
    );
  }
  return {
    kind: 'provisioned',
    modelUnits: s.modelUnits ?? 1,
    unitsFollowVolume: true,
    usdPerHourPerUnit: s.usdPerHourPerUnit,
    term: s.term ?? 'noCommitment',
    hourlyRateSource: 'rate the throughput was bought at',
    capacityTokensPerMinutePerUnit,
    capacityBasis: 'assumption',
  };
}

/** The scenario: measured tokens, prices and failure shares, and the actual one-off cost. */
export function evaluationScenario(
  db: Database,
  serving: Serving,
  evidence: RoiEvidence,
  opts: { oneOffCostUsd: number; capacityTokensPerMinutePerUnit?: number | undefined },
): Scenario {
  const s = { ...serving, arn: serving.arn ?? '' };
  const start = startingScenario();
  const datasetSize = serving.datasetId ? listParagraphs(db, serving.datasetId).length : 0;
  const base: ScenarioInput = {
    ...start,
    teacher: { ...start.teacher, modelId: evidence.teacherModelId, region: s.region },
    student: {
      ...start.student,
      modelId: s.arn,
      region: s.region,
      serving: scenarioServing(s, opts.capacityTokensPerMinutePerUnit),
    },
    distillation: {
      kind: 'distill',
      prompts: Math.max(1, datasetSize),
      epochs: 1,
      trainingUsdPer1kTokens: 0,
      actualCostUsd: opts.oneOffCostUsd,
      actualCostSource: `what distilling ${s.customModelName} cost`,
    },
  };
  const book = bookWithSnapshot(loadPriceBook(db), db, s.region);
  return ScenarioSchema.parse(prefillFromEvidence(base, evidence, s.arn, book).scenario);
}

/** Stores the evaluation experiment (not started) and links it to the serving; its id. */
export function createEvaluation(
  db: Database,
  serving: Serving,
  input: { datasetId: string; teacherModelId: string; oneOffCostUsd?: number | undefined },
): string {
  if (serving.experimentId && getExperiment(db, serving.experimentId)) {
    throw new AppFailure(
      'conflict',
      `${serving.customModelName} is already being evaluated (experiment ${serving.experimentId}).`,
    );
  }
  const config = evaluationConfig(db, serving, input);
  // Refuses an empty dataset or unpriced model before anything is stored.
  estimateFor(db, config);
  const experimentId = insertExperiment(db, config);
  linkEvaluation(db, serving.id, {
    experimentId,
    datasetId: input.datasetId,
    ...(input.oneOffCostUsd !== undefined ? { oneOffCostUsd: input.oneOffCostUsd } : {}),
  });
  return experimentId;
}

/**
 * Saves the scenario of a completed evaluation and links it to the serving; its id. `status` is
 * the run's status as the caller knows it (a live runner may be ahead of the store).
 */
export function saveEvaluationScenario(
  db: Database,
  serving: Serving,
  status: string,
  opts: { oneOffCostUsd?: number | undefined; capacityTokensPerMinutePerUnit?: number | undefined },
): string {
  if (!serving.experimentId) {
    throw new AppFailure('conflict', 'Evaluate this serving first: there is no experiment yet.');
  }
  if (status !== 'completed') {
    throw new AppFailure(
      'conflict',
      `The evaluation is ${status}: the scenario is made from its measurements once it has completed.`,
    );
  }
  const oneOffCostUsd = opts.oneOffCostUsd ?? serving.oneOffCostUsd;
  if (oneOffCostUsd === null || oneOffCostUsd === undefined) {
    throw new AppFailure(
      'invalid_input',
      'oneOffCostUsd: enter what the distillation cost (from the job or the bill).',
    );
  }
  const inputs = evaluationScenario(db, serving, roiEvidence(db, serving.experimentId), {
    oneOffCostUsd,
    capacityTokensPerMinutePerUnit: opts.capacityTokensPerMinutePerUnit,
  });
  const base = `${serving.customModelName} as served (${serving.kind === 'provisioned' ? 'provisioned' : 'on demand'})`;
  let name = base;
  for (let n = 2; findScenarioByName(db, name); n += 1) name = `${base} ${n}`;
  const scenarioId = insertScenario(db, { name, experimentId: serving.experimentId, inputs });
  linkEvaluation(db, serving.id, { scenarioId, oneOffCostUsd });
  return scenarioId;
}
