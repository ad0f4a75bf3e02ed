import type { Paragraph } from '../domain/dataset';
import type { Experiment } from '../domain/experiment';
import type { RunRecord } from '../domain/run';
import { summarizeModelRuns } from '../metrics';
import type { QualityReport } from '../quality/reportSchema';
import { buildAppendix } from './appendix';
import { measuredSection } from './measuredSection';
import {
  assumptionNotes,
  basisOf,
  coverBasis,
  experimentPriceRows,
  methodSections,
} from './methodText';
import { formatReportDate, modelRef, shortModelName, taskName } from './names';
import { qualityGap } from './qualityGap';
import { REPORT_VERSION, type ReportOptions, type ReportViewModel } from './reportSchema';
import { scenarioSection, type ReportScenarioInput } from './scenarioSection';
import { summaryFigures, summarySentences } from './summary';
import { compareScenarios, rankStudents } from './summaryTables';
import { studentEvidence } from '../decision/decisionEvidence';
import { decideMove } from '../decision/verdict';
import { latencySource } from '../batch/latencySource';
import { evidenceTable } from './evidenceTable';

/**
 * Builds the report's view-model from an experiment, its runs, its quality report and one or
 * more scenarios (the first is the one the cover answers for). Pure and deterministic: the same
 * inputs and `generatedAt` give the same object, whichever process builds it.
 */

export interface ReportInput {
  experiment: Experiment;
  datasetName: string;
  paragraphs: readonly Paragraph[];
  runs: readonly RunRecord[];
  quality: QualityReport | null;
  scenarios: readonly ReportScenarioInput[];
  options: ReportOptions;
  appVersion: string;
  generatedAt: string;
}

/**
 * The cover answers for the scenario's student; when another measured student ranks first, the
 * cover says so too, so the first page never contradicts the ranking on the second.
 */
export function withRankingNote(
  detail: string,
  studentId: string,
  winner: { modelId: string; displayName: string } | null,
): string {
  if (!winner || winner.modelId === studentId) return detail;
  return `${detail} Of the students measured, ${winner.displayName} saves more within the quality bar: see the ranking in the summary.`;
}

export function buildReport(input: ReportInput): ReportViewModel {
  const { experiment: e, options } = input;
  const c = e.config;
  const primary = input.scenarios[0];
  if (!primary) throw new Error('A report needs at least one scenario.');
  const built = input.scenarios.map((s) => scenarioSection(s, c.prices));
  const first = built[0] as (typeof built)[number];
  const summaries = summarizeModelRuns(input.runs);
  const studentId = primary.scenario.student.modelId;
  const gap = qualityGap(input.quality, studentId);
  const evidence = input.quality ? studentEvidence(input.quality, studentId) : null;
  const latency = {
    teacher: latencySource(input.runs, c.teacherModelId),
    student: latencySource(input.runs, studentId),
  };
  const verdict = decideMove({ scenario: primary.scenario, roi: first.roi, evidence, latency });
  const summaryInput = {
    latency,
    scenario: primary.scenario,
    roi: first.roi,
    gap,
    teacher: summaries.find((s) => s.modelId === c.teacherModelId),
    student: summaries.find((s) => s.modelId === studentId),
    verdict,
  };
  const ranking = rankStudents(primary.scenario, c, input.runs, input.quality);
  const basis = basisOf(input.runs, input.paragraphs.length);
  const question = `Move ${taskName(c.promptTemplate)} from ${shortModelName(primary.scenario.teacher.modelId)} to ${shortModelName(studentId)}?`;
  return {
    version: REPORT_VERSION,
    meta: {
      experimentId: e.id,
      experimentName: c.name,
      appVersion: input.appVersion,
      generatedAt: input.generatedAt,
      generatedOn: formatReportDate(input.generatedAt),
      region: c.region,
      datasetName: input.datasetName,
      paperSize: options.paperSize,
      teacher: modelRef(c.teacherModelId),
      students: c.studentModelIds.map(modelRef),
    },
    cover: {
      question,
      verdict: verdict.verdict,
      answer: verdict.answer,
      reasons: verdict.reasons,
      settle: verdict.settle,
      answerDetail: withRankingNote('', studentId, ranking?.recommendation.winner ?? null).trim(),
      basis: coverBasis(
        e,
        input.datasetName,
        basis,
        input.quality,
        input.scenarios.map((s) => s.name),
      ),
    },
    summary: {
      recommendation:
        verdict.settle.length > 0
          ? `${verdict.answer}. What would settle it: ${verdict.settle.join('; ')}.`
          : `${verdict.answer}.`,
      figures: summaryFigures(summaryInput),
      sentences: summarySentences(summaryInput),
      evidence: evidenceTable(evidence),
      ranking: ranking?.table ?? null,
      rankingNote: ranking?.recommendation.reason ?? null,
      scenarioComparison: compareScenarios(
        built.map((b) => b.section),
        built.map((b) => b.roi),
        input.scenarios.map((s) => s.scenario),
      ),
    },
    scenarios: built.map((b) => b.section),
    measured: measuredSection(input.runs, input.quality, c.teacherModelId, [
      c.teacherModelId,
      ...c.studentModelIds,
    ]),
    assumptions: {
      experimentPrices: experimentPriceRows(e),
      notes: assumptionNotes(input.scenarios.some((s) => s.origin === 'measured')),
    },
    method: methodSections(e, basis, input.quality),
    appendix: options.includeAppendix
      ? buildAppendix(input.paragraphs, input.runs, c.teacherModelId, c.studentModelIds)
      : null,
  };
}
