import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonError } from './errors.ts';

/** Reads and validates a JSON body: the data, or the 400 answer (R24's message style). */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The body must be JSON.') };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
  return { ok: false, response: jsonError(c, 400, 'invalid_request', message) };
}
