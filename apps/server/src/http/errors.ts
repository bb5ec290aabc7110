import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BoardNotStoredError } from '../relay/relay.ts';

/** Every HTTP error has this body (R25). Codes are snake_case and stable; messages are for people. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return c.json(errorBody(code, message), status);
}

/**
 * R6: a server-origin change (Relay.changeBoard) whose append failed, or whose room stopped
 * before it was stored. Nothing of it is on the board: the client may try again.
 */
export const STORAGE_UNAVAILABLE = {
  status: 503,
  code: 'storage_unavailable',
  message: 'The change could not be stored; nothing was changed. Try again in a moment.',
} as const;

export function storageUnavailable(c: Context): Response {
  return jsonError(
    c,
    STORAGE_UNAVAILABLE.status,
    STORAGE_UNAVAILABLE.code,
    STORAGE_UNAVAILABLE.message,
  );
}

/** Whether an error is a server-origin change that storage did not take (answer 503). */
export function isNotStored(error: unknown): error is BoardNotStoredError {
  return error instanceof BoardNotStoredError;
}

/** Reads `Authorization: Bearer <token>`; null if absent or another scheme. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
