import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BOARD_IMPORT_BYTES } from '../archive/limits.ts';
import { BoardNotCreatedError, createBoard, CreateBoardInput } from '../forums/create-board.ts';
import type { AppDeps } from './app.ts';
import type { ForumAccessCheck } from './board-access.ts';
import { parseBody } from './body.ts';
import { bearerToken, jsonError, storageUnavailable } from './errors.ts';

/** A board file as large as POST /api/boards/:id/import takes, plus room for the title. */
export const MAX_BOARD_CREATION_BYTES = MAX_BOARD_IMPORT_BYTES + 64 * 1024;

const denied = (c: Context, access: Awaited<ReturnType<ForumAccessCheck>>) =>
  access.ok ? null : jsonError(c, access.status, access.code, access.message);

/**
 * R54: POST /api/forums/:id/boards, one new board (empty, or from a board file). Registered
 * before the app's JSON body limit: a board file with embedded images is larger.
 */
export function registerBoardCreationRoute(
  app: Hono,
  deps: AppDeps,
  checks: { forum: ForumAccessCheck },
): void {
  app.post(
    '/api/forums/:id/boards',
    // The facilitator token first: nobody sends megabytes to a forum they do not run.
    async (c, next) => denied(c, await checks.forum(c)) ?? next(),
    bodyLimit({
      maxSize: MAX_BOARD_CREATION_BYTES,
      onError: (c) =>
        jsonError(
          c,
          413,
          'payload_too_large',
          `The body must be at most ${MAX_BOARD_CREATION_BYTES} bytes.`,
        ),
    }),
    async (c) => {
      const access = await checks.forum(c);
      if (!access.ok) return denied(c, access)!;
      const body = await parseBody(c, CreateBoardInput);
      if (!body.ok) return body.response;
      let result: Awaited<ReturnType<typeof createBoard>>;
      try {
        result = await createBoard(
          access.forum,
          bearerToken(c.req.header('Authorization'))!,
          body.data,
          {
            forums: deps.forums,
            boards: deps.boards,
            blobs: deps.blobs,
            maxForumImageBytes: deps.maxForumImageBytes,
            baseUrl: deps.publicUrl ?? new URL(c.req.url).origin,
            readBoardDoc: (boardId, read) => deps.relay.withBoardDoc(boardId, read),
          },
        );
      } catch (error) {
        // R6: storage refused; nothing of the board is left (createBoard cleaned), try again.
        if (!(error instanceof BoardNotCreatedError)) throw error;
        deps.log.error('board_not_stored', { forum: access.forum.id, error: error.cause });
        return storageUnavailable(c);
      }
      if (!result.ok) {
        const { status, code, message, path, issues } = result;
        return c.json({ error: { code, message, path, issues: issues ?? [] } }, status);
      }
      deps.log.info('board_created', {
        forum: access.forum.id,
        board: result.board.id,
        shapes: result.shapes,
      });
      return c.json({ board: result.board }, 201);
    },
  );
}
