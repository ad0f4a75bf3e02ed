import { z } from 'zod';
import { RegionSchema } from './experiment';

/**
 * How the app reaches Bedrock. Never holds a secret: access keys live in the OS keychain, and
 * these settings only say which source of credentials to use.
 */
export const AwsSettingsSchema = z.strictObject({
  credentialMode: z.enum(['profile', 'keys', 'default-chain']),
  profile: z.string().trim().min(1).max(128).nullable(),
  defaultRegion: RegionSchema,
  /** Another Bedrock Runtime endpoint (e.g. a VPC endpoint); null uses the regional one. */
  endpointOverride: z
    .string()
    .trim()
    .url('The endpoint must be a URL such as https://bedrock-runtime.us-east-1.amazonaws.com.')
    .refine(
      (u) => /^https?:\/\//.test(u),
      'The endpoint must start with https:// (or http:// for a local one).',
    )
    .nullable(),
});
export type AwsSettings = z.infer<typeof AwsSettingsSchema>;

export const DEFAULT_AWS_SETTINGS: AwsSettings = {
  credentialMode: 'default-chain',
  profile: null,
  defaultRegion: 'us-east-1',
  endpointOverride: null,
};
