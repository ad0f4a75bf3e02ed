import { z } from 'zod';
import { endpointProblem } from './endpoint';
import { RegionSchema } from './experiment';

/** An endpoint setting, checked by the same rules as the runtime endpoint (./endpoint.ts). */
const endpointField = () =>
  z
    .string()
    .trim()
    .max(2048, 'The endpoint is too long (at most 2048 characters).')
    .superRefine((u, ctx) => {
      const problem = endpointProblem(u);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * How the app reaches Bedrock. Never holds a secret: access keys live in the OS keychain, and
 * these settings only say which source of credentials to use.
 */
export const AwsSettingsSchema = z.strictObject({
  credentialMode: z.enum(['profile', 'keys', 'default-chain']),
  profile: z.string().trim().min(1).max(128).nullable(),
  defaultRegion: RegionSchema,
  /** Another Bedrock Runtime endpoint (e.g. a VPC endpoint); null uses the regional one. */
  endpointOverride: endpointField().nullable(),
  /**
   * Another Bedrock control-plane endpoint (model listing), e.g. behind a proxy; null uses
   * AWS_ENDPOINT_URL_BEDROCK or the regional one. Absent in settings saved by older versions.
   */
  controlPlaneEndpoint: endpointField().nullable().default(null),
  /** Another AWS Price List base URL (a mirror or proxy); null uses DISTILL_ROI_PRICE_LIST_URL or AWS's. */
  priceListUrl: endpointField().nullable().default(null),
});
export type AwsSettings = z.infer<typeof AwsSettingsSchema>;

export const DEFAULT_AWS_SETTINGS: AwsSettings = {
  credentialMode: 'default-chain',
  profile: null,
  defaultRegion: 'us-east-1',
  endpointOverride: null,
  controlPlaneEndpoint: null,
  priceListUrl: null,
};
