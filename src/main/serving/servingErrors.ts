/**
 * Says in the user's terms why a custom-model or serving call failed. A denial names the IAM
 * action the call needs, since each of these operations is its own permission.
 */
import { classifyError } from '../bedrock/errors';
import { redactSecrets } from '../../shared/security/redactSecrets';

export type ServingAction =
  | 'ListCustomModels'
  | 'GetCustomModel'
  | 'CreateProvisionedModelThroughput'
  | 'GetProvisionedModelThroughput'
  | 'DeleteProvisionedModelThroughput'
  | 'CreateCustomModelDeployment'
  | 'GetCustomModelDeployment'
  | 'DeleteCustomModelDeployment';

export function servingMessage(error: unknown, action: ServingAction, region: string): string {
  const c = classifyError(error, { region });
  switch (c.kind) {
    case 'access_denied':
      return `AWS denied ${action} in ${region}: allow bedrock:${action} for these credentials.`;
    case 'validation':
    case 'not_found':
      return `Bedrock refused ${action} in ${region} (${c.awsName ?? 'error'}): ${redactSecrets(c.detail)}`;
    default:
      return c.userMessage;
  }
}

/** True when AWS says the resource does not exist (deleted elsewhere, or never made). */
export const isNotFound = (error: unknown): boolean => classifyError(error).kind === 'not_found';
