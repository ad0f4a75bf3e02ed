/**
 * Teacher → student pairs for Bedrock Model Distillation as AWS lists them (prerequisites page,
 * S38, checked 2026-12-07), with the one region each family is distilled in and whether the
 * teacher can only be called through an inference profile. Distillation is not available for
 * Anthropic models, so no Claude pair is listed; the seed's Llama 3 70B → 8B is not a pair
 * either (the study used 8B as-is), and `distillationCheck` says so in words.
 */
import { normalizeModelId } from './modelIds';
import { SOURCES, type SourceRef } from './sources';

export interface DistillationPair {
  teacherId: string;
  studentId: string;
  /** The only region where AWS runs this distillation job (and sells its student's capacity). */
  region: string;
  /** The teacher is reachable only through a cross-region inference profile (`us.` prefix). */
  teacherNeedsInferenceProfile: boolean;
  sources: SourceRef[];
  /** When the sources were read. */
  checkedOn: string;
  note?: string;
}

const { S31, S35, S37, S38 } = SOURCES;
const CHECKED_ON = '2026-12-07';
const NOVA_REGION = 'us-east-1';
const LLAMA_REGION = 'us-west-2';

const NOVA_PRO = 'amazon.nova-pro-v1:0';
const NOVA_LITE = 'amazon.nova-lite-v1:0';
const NOVA_MICRO = 'amazon.nova-micro-v1:0';
const NOVA_PREMIER = 'amazon.nova-premier-v1:0';
const LLAMA_31_405B = 'meta.llama3-1-405b-instruct-v1:0';
const LLAMA_31_70B = 'meta.llama3-1-70b-instruct-v1:0';
const LLAMA_31_8B = 'meta.llama3-1-8b-instruct-v1:0';
const LLAMA_32_1B = 'meta.llama3-2-1b-instruct-v1:0';
const LLAMA_32_3B = 'meta.llama3-2-3b-instruct-v1:0';
const LLAMA_33_70B = 'meta.llama3-3-70b-instruct-v1:0';

function family(
  teacherId: string,
  studentIds: readonly string[],
  region: string,
  teacherNeedsInferenceProfile: boolean,
  sources: SourceRef[],
  note?: string,
): DistillationPair[] {
  return studentIds.map((studentId) => ({
    teacherId,
    studentId,
    region,
    teacherNeedsInferenceProfile,
    sources,
    checkedOn: CHECKED_ON,
    note,
  }));
}

export const DISTILLATION_PAIRS: readonly DistillationPair[] = [
  ...family(NOVA_PRO, [NOVA_LITE, NOVA_MICRO], NOVA_REGION, false, [S38, S31, S37]),
  ...family(NOVA_PREMIER, [NOVA_LITE, NOVA_MICRO, NOVA_PRO], NOVA_REGION, true, [S38, S31]),
  ...family(
    LLAMA_31_405B,
    [LLAMA_31_8B, LLAMA_31_70B, LLAMA_32_1B, LLAMA_33_70B],
    LLAMA_REGION,
    false,
    [S38],
  ),
  ...family(
    LLAMA_31_70B,
    [LLAMA_31_8B, LLAMA_32_1B, LLAMA_32_3B],
    LLAMA_REGION,
    false,
    [S38, S35],
    'The AWS sample names the 8B student by its customization id meta.llama3-1-8b-instruct-v1:0:128k.',
  ),
  ...family(LLAMA_33_70B, [LLAMA_31_8B, LLAMA_32_1B, LLAMA_32_3B], LLAMA_REGION, true, [S38]),
];

/** The students a teacher can be distilled into, in the order AWS lists them. */
export function studentsOf(teacherId: string): DistillationPair[] {
  const { modelId } = normalizeModelId(teacherId);
  return DISTILLATION_PAIRS.filter((p) => p.teacherId === modelId);
}

export type DistillationCheck =
  { ok: true; pair: DistillationPair; notes: string[] } | { ok: false; reason: string };

/**
 * Whether Bedrock distils this teacher into this student, with the job in `jobRegion`, and if
 * not, why not in the analyst's words. Profile ids (`us.meta…`) are read as their base model. A
 * student served in another region than the job's is possible only after copying the model
 * there, which the notes say.
 */
export function distillationCheck(
  teacherId: string,
  studentId: string,
  jobRegion: string,
  servingRegion: string = jobRegion,
): DistillationCheck {
  const region = jobRegion;
  const teacher = normalizeModelId(teacherId).modelId;
  const student = normalizeModelId(studentId).modelId;
  if (teacher.startsWith('anthropic.') || student.startsWith('anthropic.')) {
    return { ok: false, reason: 'Bedrock does not offer distillation for Anthropic models.' };
  }
  const pair = DISTILLATION_PAIRS.find((p) => p.teacherId === teacher && p.studentId === student);
  if (!pair) {
    const students = studentsOf(teacher).map((p) => p.studentId);
    return {
      ok: false,
      reason:
        students.length > 0
          ? `AWS does not list ${student} as a student of ${teacher}; its students are ${students.join(', ')}.`
          : `AWS lists no distillation with ${teacher} as the teacher; use the student as a base model as-is instead.`,
    };
  }
  if (pair.region !== region) {
    return {
      ok: false,
      reason: `This pair is distilled in ${pair.region} only, not in ${region}: set the region to ${pair.region} (a distilled model can be copied to another region afterwards).`,
    };
  }
  const notes: string[] = [];
  if (pair.teacherNeedsInferenceProfile) {
    notes.push(
      `The teacher ${teacher} is reached only through an inference profile (us.${teacher}).`,
    );
  }
  if (servingRegion !== pair.region) {
    notes.push(
      `The distilled model is trained in ${pair.region} and must be copied to ${servingRegion} before it can be served there.`,
    );
  }
  return { ok: true, pair, notes };
}
