import type { z } from 'zod';

/** The first few problems of a failed zod parse, as one line naming each field: what every input error says. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
