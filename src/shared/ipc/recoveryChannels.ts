import { z } from 'zod';

/** One automatic backup (taken before a schema migration) that could replace the data file. */
export const BackupSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  modifiedAt: z.string(),
  schemaVersion: z.number().int(),
});
export type Backup = z.infer<typeof BackupSchema>;

/**
 * How the app started: normally, or in recovery mode because the data file could not be used.
 * In recovery mode every other channel answers a `recovery` error until the user chooses.
 */
export const StartupStateSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ready') }),
  z.object({
    mode: z.literal('recovery'),
    problem: z.enum(['damaged', 'foreign', 'newer']),
    reason: z.string(),
    /** The data file, left exactly as it was found. */
    path: z.string(),
    /** Healthy automatic backups, newest first. */
    backups: z.array(BackupSchema),
  }),
]);
export type StartupState = z.infer<typeof StartupStateSchema>;

/** The user must say yes in the request itself: nothing moves on a call without it. */
const confirmed = z.literal(true, 'Confirm first: this moves the data file aside.');

const MovedSchema = z.object({
  /** Where the unusable data file now is (renamed beside it, never deleted). */
  movedAsideTo: z.string(),
  restoredFrom: z.string().nullable(),
});

export const recoveryChannels = {
  getStartupState: { input: z.strictObject({}), output: StartupStateSchema },
  restoreBackup: {
    input: z.strictObject({ fileName: z.string().min(1).max(255), confirm: confirmed }),
    output: MovedSchema,
  },
  startFresh: { input: z.strictObject({ confirm: confirmed }), output: MovedSchema },
} as const;
