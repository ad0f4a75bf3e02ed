/**
 * Says in the user's terms why Cost Explorer or CreateInferenceProfile failed. A denial names the
 * exact IAM action the request needed; Cost Explorer's own faults (too many calls, data not
 * available, a changed request between pages) say what to do. Network and credential failures
 * reuse the runtime classifier's wording.
 */
import { classifyError } from '../bedrock/errors';
import { AppFailure } from '../common/failure';

const nameOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';

export function costExplorerFailure(error: unknown, action: string): AppFailure {
  const name = nameOf(error);
  const c = classifyError(error, { region: 'us-east-1' });
  if (c.kind === 'access_denied' || /AccessDenied/.test(name)) {
    return new AppFailure(
      'aws',
      `AWS denied Cost Explorer: allow ce:${action} for these credentials (Cost Explorer answers from us-east-1, whatever the app's region). Nothing was cached.`,
    );
  }
  switch (name) {
    case 'LimitExceededException':
      return new AppFailure(
        'aws',
        'Cost Explorer refused: too many requests in a short time. Wait a minute and Refresh; nothing was cached.',
      );
    case 'DataUnavailableException':
      return new AppFailure(
        'aws',
        'Cost Explorer has no data for these days yet (new accounts wait about a day after enabling it).',
      );
    case 'BillExpirationException':
      return new AppFailure(
        'aws',
        'Cost Explorer no longer keeps bills that old; pick later days.',
      );
    case 'RequestChangedException':
    case 'InvalidNextTokenException':
      return new AppFailure(
        'aws',
        'Cost Explorer lost its place between pages; Refresh to fetch again. Nothing was cached.',
      );
    default:
      return new AppFailure(
        c.kind === 'bad_credentials' || c.kind === 'expired_credentials' ? 'credentials' : 'aws',
        `Cost Explorer ${action} failed: ${c.userMessage}`,
      );
  }
}

export function inferenceProfileFailure(error: unknown, region: string): AppFailure {
  const c = classifyError(error, { region });
  if (c.kind === 'access_denied') {
    return new AppFailure(
      'aws',
      `AWS denied creating the inference profile in ${region}: allow bedrock:CreateInferenceProfile and bedrock:TagResource for these credentials.`,
    );
  }
  return new AppFailure(
    'aws',
    `Bedrock could not create the inference profile in ${region}: ${c.userMessage}`,
  );
}
