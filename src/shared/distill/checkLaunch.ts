/**
 * Everything about a distillation launch that can be checked without AWS, each problem naming
 * the form field it belongs to: the pair and region (Bedrock's published list), the model
 * name, the S3 locations, the role, and the prompt count.
 */
import { checkRoleArn, parseS3Location } from '../batch/s3Location';
import { distillationCheck } from '../pricing/distillationPairs';
import type { DistillLaunchCore, DistillSettings } from './distillDomain';
import { promptCountProblem } from './distillLimits';

export interface FieldProblem {
  field: string;
  message: string;
}

/** CreateModelCustomizationJob's name rule (jobName and customModelName share it here). */
const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;

const COUNT_FIELD = {
  dataset: { field: 'datasetId', label: 'Dataset' },
  trainingFile: { field: 'trainingFile', label: 'Training file' },
  invocationLogs: { field: 'promptCount', label: 'Prompts in the logs' },
} as const;

export function checkDistillLaunch(
  launch: DistillLaunchCore,
  settings: DistillSettings,
  prompts: number | null,
): { problems: FieldProblem[]; notes: string[] } {
  const problems: FieldProblem[] = [];
  const notes: string[] = [];
  const pair = distillationCheck(launch.teacherModelId, launch.studentModelId, launch.region);
  if (!pair.ok) {
    // A pair AWS lists in another region is a region problem; anything else is the pair's.
    const field = pair.reason.includes(' only, not in ') ? 'region' : 'studentModelId';
    problems.push({ field, message: pair.reason });
  } else {
    notes.push(...pair.notes);
  }
  const name = launch.customModelName;
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) {
    problems.push({
      field: 'customModelName',
      message:
        'Custom model name: 1–63 letters, digits, hyphens, dots or plus signs, starting with a letter or digit.',
    });
  }
  const out = parseS3Location(settings.s3Uri ?? '', 'S3 location for training data and output');
  if (!settings.s3Uri) {
    problems.push({
      field: 's3Uri',
      message: 'Enter the S3 location for training data and output (s3://BUCKET/PREFIX).',
    });
  } else if (!out.ok) {
    problems.push({ field: 's3Uri', message: out.message });
  }
  const role = settings.roleArn ? checkRoleArn(settings.roleArn) : 'Enter the service role ARN.';
  if (role) problems.push({ field: 'roleArn', message: role });
  if (launch.source.kind === 'invocationLogs') {
    const logs = parseS3Location(launch.source.s3Uri, 'Invocation logs location');
    if (!logs.ok) problems.push({ field: 'invocationLogsUri', message: logs.message });
  }
  if (prompts !== null) {
    const { field, label } = COUNT_FIELD[launch.source.kind];
    const count = promptCountProblem(prompts, label);
    if (count) problems.push({ field, message: count });
  }
  return { problems, notes };
}
