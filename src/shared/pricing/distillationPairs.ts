/**
 * Teacher → student pairs for Bedrock Model Distillation. `verified` is true only where AWS text
 * (or an AWS sample) names the pair; the rest come from a prerequisites table that could not be
 * read, and the UI must say so rather than promise a job Bedrock may reject.
 */
import { normalizeModelId } from './modelIds';
import { SOURCES, type SourceRef } from './sources';

export interface DistillationPair {
  teacherId: string;
  studentId: string;
  verified: boolean;
  sources: SourceRef[];
  note?: string;
}

const { S31, S35, S37, S38 } = SOURCES;

const NOVA_ROLES =
  'From the roles AWS lists: Premier teaches only, Pro teaches and learns, Lite and Micro learn only.';
const NOT_IN_AWS_TEXT = 'Not verified in AWS text: the prerequisites table could not be read.';

const pair = (
  teacherId: string,
  studentId: string,
  verified: boolean,
  sources: SourceRef[],
  note?: string,
): DistillationPair => ({ teacherId, studentId, verified, sources, note });

export const DISTILLATION_PAIRS: readonly DistillationPair[] = [
  pair('amazon.nova-premier-v1:0', 'amazon.nova-pro-v1:0', true, [S31], NOVA_ROLES),
  pair('amazon.nova-premier-v1:0', 'amazon.nova-lite-v1:0', true, [S31], NOVA_ROLES),
  pair('amazon.nova-premier-v1:0', 'amazon.nova-micro-v1:0', true, [S31], NOVA_ROLES),
  pair('amazon.nova-pro-v1:0', 'amazon.nova-lite-v1:0', true, [S31, S37]),
  pair('amazon.nova-pro-v1:0', 'amazon.nova-micro-v1:0', true, [S31, S37]),
  pair(
    'meta.llama3-1-70b-instruct-v1:0',
    'meta.llama3-1-8b-instruct-v1:0',
    true,
    [S35],
    'The AWS sample names the student by its customization id meta.llama3-1-8b-instruct-v1:0:128k.',
  ),
  pair(
    'meta.llama3-1-405b-instruct-v1:0',
    'meta.llama3-1-8b-instruct-v1:0',
    false,
    [S38],
    NOT_IN_AWS_TEXT,
  ),
  pair(
    'meta.llama3-1-405b-instruct-v1:0',
    'meta.llama3-1-70b-instruct-v1:0',
    false,
    [S38],
    NOT_IN_AWS_TEXT,
  ),
  pair(
    'meta.llama3-3-70b-instruct-v1:0',
    'meta.llama3-2-1b-instruct-v1:0',
    false,
    [S38],
    NOT_IN_AWS_TEXT,
  ),
  pair(
    'meta.llama3-3-70b-instruct-v1:0',
    'meta.llama3-2-3b-instruct-v1:0',
    false,
    [S38],
    NOT_IN_AWS_TEXT,
  ),
  pair(
    'anthropic.claude-3-5-sonnet-20240620-v1:0',
    'anthropic.claude-3-haiku-20240307-v1:0',
    false,
    [S38],
    `${NOT_IN_AWS_TEXT} The source does not say which Claude 3.5 Sonnet version.`,
  ),
  pair(
    'anthropic.claude-3-5-sonnet-20241022-v2:0',
    'anthropic.claude-3-haiku-20240307-v1:0',
    false,
    [S38],
    `${NOT_IN_AWS_TEXT} The source does not say which Claude 3.5 Sonnet version.`,
  ),
];

/** The students a teacher can be distilled into, verified pairs first. */
export function studentsOf(teacherId: string): DistillationPair[] {
  const { modelId } = normalizeModelId(teacherId);
  return DISTILLATION_PAIRS.filter((p) => p.teacherId === modelId).sort(
    (a, b) => Number(b.verified) - Number(a.verified),
  );
}
