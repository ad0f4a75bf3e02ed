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

/** Settings and credentials. Secrets travel one way only: from the form into the keychain. */
export const settingsChannels = {
  getCredentialStatus: { input: z.strictObject({}), output: CredentialStatusSchema },
  saveAwsSettings: { input: AwsSettingsSchema, output: CredentialStatusSchema },
  saveAccessKeys: {
    input: z.strictObject({
      accessKeyId: z.string().trim().min(1).max(128),
      secretAccessKey: z.string().trim().min(1).max(256),
      sessionToken: z.string().trim().max(4096).nullable(),
    }),
    output: CredentialStatusSchema,
  },
  deleteAccessKeys: { input: z.strictObject({}), output: CredentialStatusSchema },
  testConnection: {
    input: z.strictObject({ region: RegionSchema, modelId: ModelIdSchema }),
    output: ConnectionTestSchema,
  },
} as const;
