import { z } from 'zod';

/** Events main pushes to the renderer; the payload shapes grow with the runner. */
export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('datasetsChanged') }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;
