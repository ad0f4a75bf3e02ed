/**
 * Says in the user's terms why the control plane (model listing) could not be read. Network and
 * credential failures reuse the runtime classifier's wording; a denial names the permissions the
 * listing needs, since they differ from the InvokeModel ones the runtime message names.
 */
import { classifyError } from './errors';

export function controlPlaneMessage(error: unknown, region: string): string {
  const c = classifyError(error, { region });
  switch (c.kind) {
    case 'access_denied':
      return `AWS denied listing models in ${region}: allow bedrock:ListFoundationModels and bedrock:ListInferenceProfiles for these credentials.`;
    case 'not_found':
    case 'validation':
      // Refused before it was sent (the endpoint rules): that message says what to change.
      if (c.awsName === undefined) return c.userMessage;
      return `Bedrock's control plane in ${region} refused the listing (${c.awsName ?? 'error'}): check the region (it may have no Bedrock) and the control-plane endpoint.`;
    default:
      return c.userMessage;
  }
}
