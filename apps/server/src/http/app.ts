import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ForumStore } from '../forums/forum-store.ts';
import { resolveForumAccess } from '../forums/access.ts';
import { createForum, CreateForumInput } from '../forums/create-forum.ts';
import type { Logger } from '../log.ts';
import type { Relay } from '../relay/relay.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { bearerToken, errorBody, jsonError } from './errors.ts';
import { registerBoardRoutes } from './board-routes.ts';
import { createStaticHandler } from './static-web.ts';

export interface AppDeps {
  forums: ForumStore;
  boards: BoardStorage;
  relay: Relay;
  log: Logger;
  publicUrl: string | null;
  webDir: string;
  maxBodyBytes: number;
}

/** The HTTP API and the web client. The socket upgrade is handled beside it (upgrade.ts). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const { forums, log } = deps;

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.onError((error, c) => {
    // R25: log the cause, answer nothing about it.
    log.error('http_error', { method: c.req.method, path: c.req.path, error });
    return c.json(errorBody('internal_error', 'Something went wrong on the server.'), 500);
  });

  app.notFound((c) =>
    jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`),
  );

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) =>
        jsonError(
          c,
          413,
          'payload_too_large',
          `The body must be at most ${deps.maxBodyBytes} bytes.`,
        ),
    }),
  );

  app.post('/api/forums', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return jsonError(c, 400, 'invalid_json', 'The body must be JSON.');
    }
    const parsed = CreateForumInput.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
        .join('; ');
      return jsonError(c, 400, 'invalid_request', message);
    }
    const baseUrl = deps.publicUrl ?? new URL(c.req.url).origin;
    const created = await createForum(parsed.data, { forums, boards: deps.boards, baseUrl });
    log.info('forum_created', { forum: created.forum.id, boards: created.boards.length });
    return c.json(created, 201);
  });

  app.get('/api/forums/:id', (c) => {
    const access = resolveForumAccess(
      forums,
      c.req.param('id'),
      bearerToken(c.req.header('Authorization')),
    );
    if (!access.ok) return jsonError(c, access.status, access.code, access.message);
    const boards = forums.listBoards(access.forum.id).map((board) => ({
      id: board.id,
      kind: board.kind,
      title: board.title,
      territory: board.territory,
    }));
    return c.json({ forum: { id: access.forum.id, title: access.forum.title }, boards });
  });

  registerBoardRoutes(app, deps);

  app.all('/api/*', (c) =>
    jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`),
  );

  const serveWeb = createStaticHandler(deps.webDir);
  app.on(['GET', 'HEAD'], '*', (c) => serveWeb(c));

  return app;
}
