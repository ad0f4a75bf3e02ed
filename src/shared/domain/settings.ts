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
 * The hang limits an analyst may set, in milliseconds: a stream with no event this long after
 * its request left (`stallFirstEventMs`), or silent this long between two events
 * (`stallIdleMs`), is given up as hung and retried. Null derives the limit from the model's
 * measured time to first token (4 × its slowest recent TTFT, within 1–60 s; 10 s until it has
 * answered once: src/main/runner/hangLimits.ts). A set limit is used as given, within these
 * bounds: under a second would cut healthy streams, over ten minutes is no hang detection.
 */
export const HANG_LIMIT_MIN_MS = 1_000;
export const HANG_LIMIT_MAX_MS = 600_000;

/**
 * Why `ms` cannot be a hang limit, or null when it can. `what` names the limit (a setting, a
 * flag), `unset` says how to leave it to the default ('left empty' in a form).
 */
export function hangLimitProblem(ms: number, what: string, unset = 'left empty'): string | null {
  if (!Number.isFinite(ms)) return `${what} must be a number of seconds.`;
  if (ms < HANG_LIMIT_MIN_MS || ms > HANG_LIMIT_MAX_MS) {
    return `${what} must be from ${HANG_LIMIT_MIN_MS / 1000} s to ${HANG_LIMIT_MAX_MS / 1000} s, or ${unset} to derive it from the model’s measured time to first token.`;
  }
  if (!Number.isInteger(ms)) return `${what} must be a whole number of milliseconds.`;
  return null;
}

const hangLimitField = (what: string) =>
  z
    .number({ error: `${what} must be a number of milliseconds, or empty.` })
    .superRefine((ms, ctx) => {
      const problem = hangLimitProblem(ms, what);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null);

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
  /** Hang limits (see HANG_LIMIT_MIN_MS); null: derived from the model's TTFT. */
  stallFirstEventMs: hangLimitField('The wait for a stream’s first event'),
  stallIdleMs: hangLimitField('The silence allowed between two events'),
});
export type AwsSettings = z.infer<typeof AwsSettingsSchema>;

export const DEFAULT_AWS_SETTINGS: AwsSettings = {
  credentialMode: 'default-chain',
  profile: null,
  defaultRegion: 'us-east-1',
  endpointOverride: null,
  controlPlaneEndpoint: null,
  priceListUrl: null,
  stallFirstEventMs: null,
  stallIdleMs: null,
};

/** The analyst's hang limits in milliseconds; null: derived from the model's measured TTFT. */
export type HangSettings = Pick<AwsSettings, 'stallFirstEventMs' | 'stallIdleMs'>;
export const DERIVED_HANG_LIMITS: HangSettings = { stallFirstEventMs: null, stallIdleMs: null };
