import type { Context } from 'hono';
import {
  resolveBoardAccess,
  resolveForumAccess,
  resolveForumMemberAccess,
  type AccessDenied,
  type BoardAccess,
  type ForumAccess,
  type ForumMemberAccess,
} from '../forums/access.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import type { PreAuthBudget } from '../limits/pre-auth.ts';
import { clientAddress } from './client-address.ts';
import { bearerToken } from './errors.ts';

export type BoardAccessCheck = (c: Context) => Promise<BoardAccess>;
export type ForumAccessCheck = (c: Context) => Promise<ForumAccess>;
export type ForumMemberCheck = (c: Context) => Promise<ForumMemberAccess>;

function throttled(c: Context, seconds: number): AccessDenied {
  c.header('Retry-After', String(seconds));
  return {
    ok: false,
    status: 429,
    code: 'too_many_requests',
    message: 'Too many attempts with a wrong token from this address; wait and try again.',
  };
}

/**
 * Token checks over HTTP with the pre-authentication budget (R32): an address that sent too
 * many wrong tokens is answered 429 before any lookup, and each wrong token drains its budget.
 */
export function createAccessChecks(forums: ForumStore, budget: PreAuthBudget) {
  const guarded = async <T extends BoardAccess | ForumAccess | ForumMemberAccess>(
    c: Context,
    resolve: () => Promise<T>,
  ): Promise<T> => {
    const ip = clientAddress(c);
    const wait = budget.tokenAttempt(ip);
    if (wait !== null) return throttled(c, wait) as T;
    const result = await resolve();
    if (!result.ok && result.code === 'invalid_token') budget.badToken(ip);
    return result;
  };
  const board: BoardAccessCheck = (c) =>
    guarded(c, () =>
      resolveBoardAccess(
        forums,
        c.req.param('id') ?? '',
        bearerToken(c.req.header('Authorization')),
      ),
    );
  const forum: ForumAccessCheck = (c) =>
    guarded(c, () =>
      resolveForumAccess(
        forums,
        c.req.param('id') ?? '',
        bearerToken(c.req.header('Authorization')),
      ),
    );
  const member: ForumMemberCheck = (c) =>
    guarded(c, () =>
      resolveForumMemberAccess(
        forums,
        c.req.param('id') ?? '',
        bearerToken(c.req.header('Authorization')),
      ),
    );
  return { board, forum, member };
}
