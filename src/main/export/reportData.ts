import type { Database } from 'better-sqlite3';
import type { Paragraph } from '../../shared/domain/dataset';
import type { Experiment } from '../../shared/domain/experiment';
import type { RunRecord } from '../../shared/domain/run';
import {
  buildReport,
  measuredScenario,
  MEASURED_SCENARIO_NAME,
  qualityGap,
  type ReportInput,
  type ReportOptions,
  type ReportScenarioInput,
  type ReportViewModel,
} from '../../shared/report';
import { getDataset } from '../db/repos/datasets';
import { experimentParagraphs } from '../db/repos/experimentParagraphs';
import { listRuns } from '../db/repos/runs';
import { requireExperiment } from '../common/lookups';
import { withBatchPrices } from '../batch/batchPrices';
import { AppFailure } from '../common/failure';
import { loadQualityReport } from '../quality/qualityReportLoader';
import { APP_VERSION } from '../version';
import { listSavedScenarios } from './scenarioStore';

/**
 * Reads everything a report rests on from the store and hands it to the pure builder: the
 * experiment, its dataset, runs and quality report, and the chosen saved scenarios (or, when
 * none is chosen, the scenario the runs measure). The CLI, the handlers and the bundle test all
 * come through here, so they report the same figures.
 */

/**
 * Runs by paragraph position, model (teacher first) and repeat: the store orders them by id,
 * which differs after an import, and sums of floating-point costs depend on their order.
 */
function inReportOrder(
  runs: RunRecord[],
  paragraphs: readonly Paragraph[],
  e: Experiment,
): RunRecord[] {
  const position = new Map(paragraphs.map((p) => [p.id, p.position]));
  const models = [e.config.teacherModelId, ...e.config.studentModelIds];
  const key = (r: RunRecord) => [
    position.get(r.paragraphId) ?? Infinity,
    models.indexOf(r.modelId),
    r.repeatIndex,
  ];
  return runs.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}

export function reportScenarios(
  db: Database,
  e: Experiment,
  scenarioIds: readonly string[],
  input: Pick<ReportInput, 'runs' | 'quality'>,
): ReportScenarioInput[] {
  if (scenarioIds.length === 0) {
    const student = e.config.studentModelIds[0] as string;
    const scenario = measuredScenario(
      e.config,
      student,
      input.runs,
      qualityGap(input.quality, student),
    );
    return [{ id: null, name: MEASURED_SCENARIO_NAME, origin: 'measured', scenario }];
  }
  const saved = listSavedScenarios(db, e.id);
  return scenarioIds.map((id) => {
    const found = saved.find((s) => s.id === id);
    if (!found) {
      throw new AppFailure(
        'not_found',
        'A chosen scenario no longer exists or no longer belongs to this experiment.',
      );
    }
    return { id, name: found.name, origin: 'saved', scenario: found.scenario };
  });
}

export function loadReportInput(
  db: Database,
  experimentId: string,
  options: ReportOptions,
  generatedAt = new Date().toISOString(),
): ReportInput {
  // Batch models are priced at the batch price their calls ran under.
  const e = withBatchPrices(db, requireExperiment(db, experimentId));
  const paragraphs = experimentParagraphs(db, e);
  const runs = inReportOrder(listRuns(db, e.id), paragraphs, e);
  if (!runs.some((r) => r.status === 'ok')) {
    throw new AppFailure(
      'invalid_input',
      'This experiment has no successful calls yet. Run it before making a report.',
    );
  }
  const quality = loadQualityReport(db, e);
  return {
    experiment: e,
    datasetName: getDataset(db, e.config.datasetId)?.name ?? 'deleted dataset',
    paragraphs,
    runs,
    quality,
    scenarios: reportScenarios(db, e, options.scenarioIds, { runs, quality }),
    options,
    appVersion: APP_VERSION,
    generatedAt,
  };
}

export const loadReport = (
  db: Database,
  experimentId: string,
  options: ReportOptions,
): ReportViewModel => buildReport(loadReportInput(db, experimentId, options));
