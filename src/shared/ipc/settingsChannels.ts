import { z } from 'zod';
import { AwsSettingsSchema } from '../domain/settings';
import { ModelIdSchema, RegionSchema } from '../domain/experiment';

export const CredentialStatusSchema = z.object({
  settings: AwsSettingsSchema,
  keychain: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true) }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
  /** What is stored, shown without the secret: the last four characters of the key id. */
  storedKeys: z.object({ accessKeyIdHint: z.string(), hasSessionToken: z.boolean() }).nullable(),
  profiles: z.array(
    z.object({ name: z.string(), region: z.string().optional(), kind: z.string() }),
  ),
});
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  kind: z.string(),
  message: z.string(),
  latencyMs: z.number().nullable(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

/** Access keys as typed into Settings: sent to main only to save them or to test them. */
export const AccessKeysInputSchema = z.strictObject({
  accessKeyId: z.string().trim().min(1).max(128),
  secretAccessKey: z.string().trim().min(1).max(256),
  sessionToken: z.string().trim().max(4096).nullable(),
});
export type AccessKeysInput = z.infer<typeof AccessKeysInputSchema>;

/** Settings and credentials. Secrets travel one way only: from the form into the keychain. */
export const settingsChannels = {
  getCredentialStatus: { input: z.strictObject({}), output: CredentialStatusSchema },
  saveAwsSettings: { input: AwsSettingsSchema, output: CredentialStatusSchema },
  saveAccessKeys: { input: AccessKeysInputSchema, output: CredentialStatusSchema },
  deleteAccessKeys: { input: z.strictObject({}), output: CredentialStatusSchema },
  /**
   * Tests what the Settings form says, saved or not, and saves nothing: `settings` is the form,
   * `typedKeys` the keys typed but not saved (null uses the keys in the keychain).
   */
  testConnection: {
    input: z.strictObject({
      region: RegionSchema,
      modelId: ModelIdSchema,
      settings: AwsSettingsSchema,
      typedKeys: AccessKeysInputSchema.nullable(),
    }),
    output: ConnectionTestSchema,
  },
} as const;
