import { z } from 'zod';

/**
 * The result of reading a paragraph file, before anything is stored. It is a zod schema (not just a
 * type) so the IPC contract can validate it on the way back to the renderer.
 */
export const importFormatSchema = z.enum(['txt', 'csv', 'jsonl']);
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const acceptedParagraphSchema = z.object({
  /** 1-based line in the (newline-normalised) file where the paragraph or row starts. */
  line: z.number().int().positive(),
  text: z.string(),
  reference: z.string().nullable(),
  tags: z.array(z.string()),
});
export type AcceptedParagraph = z.infer<typeof acceptedParagraphSchema>;

export const rejectedRowSchema = z.object({
  line: z.number().int().positive(),
  reason: z.string(),
  excerpt: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const importPreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: importFormatSchema,
    accepted: z.array(acceptedParagraphSchema),
    rejected: z.array(rejectedRowSchema),
    warnings: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What each per-format parser returns; the dispatcher adds `format` and file-level warnings. */
export type FormatParseResult =
  | { ok: true; accepted: AcceptedParagraph[]; rejected: RejectedRow[]; warnings: string[] }
  | { ok: false; message: string };
