/**
 * Control-plane errors of distillation in words the analyst can act on: a denial names the IAM
 * action to allow (the SDK's message says which one AWS checked), a refusal quotes Bedrock's
 * reason, masked (a signature error quotes the session token). Which errors are worth waiting
 * out is the batch code's `isTransient`.
 */
import { isTransient } from '../batch/batchErrors';
import { redactSecrets } from '../../shared/security/redactSecrets';

/** A launch that cannot go ahead, with the form field each problem belongs to. */
export class DistillLaunchError extends Error {
  override readonly name = 'DistillLaunchError';
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}

export type DistillOp = 'create' | 'get' | 'stop' | 'list';

const ACTION: Record<DistillOp, string> = {
  create: 'bedrock:CreateModelCustomizationJob',
  get: 'bedrock:GetModelCustomizationJob',
  stop: 'bedrock:StopModelCustomizationJob',
  list: 'bedrock:ListModelCustomizationJobs',
};

interface AwsLike {
  name?: string;
  message?: string;
}

export interface DescribedError {
  message: string;
  /** Retrying later may succeed (throttled, offline, 5xx); otherwise the answer is final. */
  transient: boolean;
}

export function describeDistillError(e: unknown, op: DistillOp, roleArn: string): DescribedError {
  const err: AwsLike = typeof e === 'object' && e !== null ? e : {};
  const name = err.name ?? 'Error';
  const said = redactSecrets(err.message ?? '');
  if (name === 'AccessDeniedException') {
    if (said.includes('iam:PassRole')) {
      return {
        transient: false,
        message: `AWS denied passing the service role ${roleArn}: allow iam:PassRole on it for these credentials.`,
      };
    }
    return {
      transient: false,
      message: `AWS denied the request: allow ${ACTION[op]} for these credentials${said ? ` (${said})` : ''}.`,
    };
  }
  if (isTransient(e)) {
    return {
      transient: true,
      message: `Bedrock could not be reached or was busy (${name}); the app keeps trying.`,
    };
  }
  if (name === 'ValidationException') {
    return { transient: false, message: `Bedrock refused the job: ${said || 'invalid request'}` };
  }
  return { transient: false, message: `${name}: ${said || 'no message'}` };
}
