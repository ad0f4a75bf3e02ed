/**
 * The Distill form as typed (strings for numbers, both sources' fields kept while switching)
 * and the launch request it makes. Numbers that do not parse are left out for the schema to
 * default, or sent as NaN-free nulls so that main names the field.
 */
import type { DistillLaunchInput } from '../../../../shared/distill/distillDomain';
import { DEFAULT_PROMPT_TEMPLATE } from '../../../../shared/domain/experiment';
import { DISTILLATION_PAIRS } from '../../../../shared/pricing/distillationPairs';

export interface DistillDraft {
  teacherModelId: string;
  studentModelId: string;
  region: string;
  customModelName: string;
  sourceKind: 'dataset' | 'invocationLogs';
  datasetId: string;
  promptTemplate: string;
  logsUri: string;
  usePromptResponse: boolean;
  promptCount: string;
  promptTokens: string;
  maxResponseLength: string;
  trainingPrice: string;
  storagePrice: string;
}

const first = DISTILLATION_PAIRS[0];

export const EMPTY_DRAFT: DistillDraft = {
  teacherModelId: first?.teacherId ?? '',
  studentModelId: first?.studentId ?? '',
  region: first?.region ?? 'us-east-1',
  customModelName: '',
  sourceKind: 'dataset',
  datasetId: '',
  promptTemplate: DEFAULT_PROMPT_TEMPLATE,
  logsUri: '',
  usePromptResponse: false,
  promptCount: '',
  promptTokens: '',
  maxResponseLength: '1000',
  trainingPrice: '',
  storagePrice: '',
};

/** Teachers and students AWS lists, each once, in its order. */
export const TEACHERS = [...new Set(DISTILLATION_PAIRS.map((p) => p.teacherId))];
export const STUDENTS = [...new Set(DISTILLATION_PAIRS.map((p) => p.studentId))];
export const REGIONS = [...new Set(DISTILLATION_PAIRS.map((p) => p.region))].concat(['eu-west-1']);

const numberOr = (text: string, fallback: number): number => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : fallback;
};
const priceOrNull = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

export function launchOf(d: DistillDraft, confirmOverBudget = false): DistillLaunchInput {
  return {
    teacherModelId: d.teacherModelId,
    studentModelId: d.studentModelId,
    region: d.region,
    customModelName: d.customModelName.trim(),
    source:
      d.sourceKind === 'dataset'
        ? {
            kind: 'dataset',
            datasetId: d.datasetId || '-',
            promptTemplate: d.promptTemplate,
            systemPrompt: null,
          }
        : {
            kind: 'invocationLogs',
            s3Uri: d.logsUri.trim() || '-',
            usePromptResponse: d.usePromptResponse,
            promptCount: Math.max(0, Math.round(numberOr(d.promptCount, 0))),
            promptTokensPerPrompt: Math.max(1, numberOr(d.promptTokens, 1)),
          },
    maxResponseLength: Math.max(1, Math.round(numberOr(d.maxResponseLength, 1000))),
    trainingUsdPer1kTokens: priceOrNull(d.trainingPrice),
    storageUsdPerMonth: priceOrNull(d.storagePrice),
    confirmOverBudget,
  };
}
