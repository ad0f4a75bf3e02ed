import { z } from 'zod';
import { RegionSchema } from './experiment';

/** An http(s) URL setting, with a message that shows the expected form. */
const endpointField = (example: string) =>
  z
    .string()
    .trim()
    .url(`The endpoint must be a URL such as ${example}.`)
    .refine(
      (u) => /^https?:\/\//.test(u),
      'The endpoint must start with https:// (or http:// for a local one).',
    );

/**
 * How the app reaches Bedrock. Never holds a secret: access keys live in the OS keychain, and
 * these settings only say which source of credentials to use.
 */
export const AwsSettingsSchema = z.strictObject({
  credentialMode: z.enum(['profile', 'keys', 'default-chain']),
  profile: z.string().trim().min(1).max(128).nullable(),
  defaultRegion: RegionSchema,
  /** Another Bedrock Runtime endpoint (e.g. a VPC endpoint); null uses the regional one. */
  endpointOverride: endpointField('https://bedrock-runtime.us-east-1.amazonaws.com').nullable(),
  /**
   * Another Bedrock control-plane endpoint (model listing), e.g. behind a proxy; null uses
   * AWS_ENDPOINT_URL_BEDROCK or the regional one. Absent in settings saved by older versions.
   */
  controlPlaneEndpoint: endpointField('https://bedrock.us-east-1.amazonaws.com')
    .nullable()
    .default(null),
  /** Another AWS Price List base URL (a mirror or proxy); null uses DISTILL_ROI_PRICE_LIST_URL or AWS's. */
  priceListUrl: endpointField('https://pricing.us-east-1.amazonaws.com').nullable().default(null),
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
