import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { registerArchiveRoutes } from '../archive/routes.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { SmallImages } from '../blobs/small-images.ts';
import type { ForumImageCaches } from '../cluster/access-recheck.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { createForum, CreateForumInput } from '../forums/create-forum.ts';
import { HOST_NOT_ALLOWED, HOST_NOT_ALLOWED_PAGE } from '../limits/host.ts';
import type { PreAuthBudget } from '../limits/pre-auth.ts';
import type { Logger } from '../log.ts';
import type { Relay } from '../relay/relay.ts';
import type { VoteStore } from '../facilitation/vote-store.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import type { StorageHealth } from '../storage/storage-health.ts';
import { createAccessChecks } from './board-access.ts';
import { registerBoardCopyRoutes, type BoardBytes } from './board-copy-routes.ts';
import { registerBoardCreationRoute } from './board-creation-routes.ts';
import { registerBoardManageRoutes } from './board-manage-routes.ts';
import { registerForumDeleteRoutes } from './forum-delete-routes.ts';
import { registerBoardRoutes } from './board-routes.ts';
import { clientAddress, isLoopback } from './client-address.ts';
import { isClientGone } from './client-gone.ts';
import { errorBody, isNotStored, jsonError, storageUnavailable } from './errors.ts';
import { registerFacilitationRoutes } from './facilitation-routes.ts';
import { registerForumRoutes } from './forum-routes.ts';
import { registerPlenaryListRoutes } from './plenary-list-routes.ts';
import { IMAGE_UPLOAD_PATH, registerImageRoutes } from './image-routes.ts';
import { registerVoteRoutes } from './vote-routes.ts';
import { compressJsonAnswers } from './json-compression.ts';
import { securityHeaders } from './security-headers.ts';
import { createStaticHandler } from './static-web.ts';

export interface AppDeps {
  forums: ForumStore;
  boards: BoardStorage;
  relay: Relay;
  log: Logger;
  publicUrl: string | null;
  webDir: string;
  maxBodyBytes: number;
  blobs: BlobStore;
  /** R71: the photos' small copies, made and kept in memory by this process. */
  smallImages: SmallImages;
  /** R70: the photos and copies this process keeps in memory, let go with an erased forum. */
  imageCaches?: ForumImageCaches;
  maxImageBytes: number;
  maxForumImageBytes: number;
  /** Shared with the upgrade handler: one budget per address for HTTP and sockets (R32). */
  preAuth: PreAuthBudget;
  /** V2: dots of dot votes. */
  votes: VoteStore;
  /** R30 for server-made copies (R68): the limit and a board's stored size now. */
  boardBytes: BoardBytes;
  /** An archive upload that sends nothing for this long stops (408 upload_stalled). */
  uploadStallMs?: number;
  /** Most pixels of a board's PNG in a forum archive; MAX_PNG_PIXELS by default. */
  archivePngMaxPixels?: number;
  /** R69: whether the data file can be written (SQLite); null where storage reports its own. */
  storageHealth?: StorageHealth | null;
  /** Extra numbers for GET /metrics (loopback only). */
  metrics?: () => Record<string, number>;
  /** R33: whether a browser page of this Origin may use the server (shared with the upgrade). */
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
  /** R33b: whether this Host names the server (DNS rebinding; shared with the upgrade). */
  hostAllowed: (host: string | undefined) => boolean;
}

/** Methods a page of any site may send (they change nothing); others face the Origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP API and the web client. The socket upgrade is handled beside it (upgrade.ts). */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const { forums, log } = deps;

  const checks = createAccessChecks(forums, deps.preAuth);

  app.use('*', securityHeaders);

  // R33b: a page of another site whose name was pointed at this server (DNS rebinding) gets
  // nothing, not even the web client: every request, whatever its method.
  app.use('*', async (c, next) => {
    if (deps.hostAllowed(c.req.header('Host'))) return next();
    const { status, code, message } = HOST_NOT_ALLOWED;
    if (c.req.method === 'GET' && c.req.header('Accept')?.includes('text/html')) {
      return c.html(HOST_NOT_ALLOWED_PAGE, status);
    }
    return jsonError(c, status, code, message);
  });

  // R33 over HTTP: creating a forum or importing an archive needs no token, so without this a
  // page of any site could make a visitor's browser (a facilitator's laptop running Carton on
  // localhost, a phone on the venue's wifi) post forums and 4 GiB archives here. Browsers send
  // `Origin` with every such request, `null` from sandboxed or opaque pages.
  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (deps.originAllowed(c.req.header('Origin'), c.req.header('Host'))) return next();
    log.info('request_refused', {
      method: c.req.method,
      path: c.req.path,
      code: 'origin_not_allowed',
    });
    return jsonError(
      c,
      403,
      'origin_not_allowed',
      'Pages of this origin may not send changes here.',
    );
  });

  // The plenary's re-read JSON answers, gzipped when accepted (never one holding a token).
  app.use('/api/*', compressJsonAnswers);

  app.onError((error, c) => {
    // R6: a server-origin change storage did not take (routes that do not catch it): 503. R69:
    // while storage health says failing, `storage_failing` said it: one debug line per change.
    if (isNotStored(error)) {
      const level = deps.storageHealth?.failing ? 'debug' : 'error';
      log[level]('change_not_stored', { method: c.req.method, path: c.req.path, error });
      return storageUnavailable(c);
    }
    // R69: the disk is full (or failing): 503, said once in the log by the storage's health.
    const health = deps.storageHealth;
    if (health && health.failed(error, `${c.req.method} ${c.req.path}`) !== null) {
      log.debug('request_not_stored', { method: c.req.method, path: c.req.path, error });
      return storageUnavailable(c);
    }
    // A client that went away mid-body is not a server error: nobody reads the answer.
    if (isClientGone(error)) {
      log.info('request_aborted_by_client', { method: c.req.method, path: c.req.path });
      return jsonError(c, 400, 'request_aborted', 'The request was cut before its end.');
    }
    // R25: log the cause, answer nothing about it.
    log.error('http_error', { method: c.req.method, path: c.req.path, error });
    return c.json(errorBody('internal_error', 'Something went wrong on the server.'), 500);
  });

  app.notFound((c) =>
    jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`),
  );

  // R69: 503 while the data file cannot be written (a full disk), so a check sees it.
  app.get('/healthz', (c) => {
    const storage = deps.storageHealth?.report() ?? null;
    return storage ? c.json({ ok: false, storage }, 503) : c.json({ ok: true });
  });

  // Memory and relay counters for the machine's operator (and the soak test): loopback only.
  app.get('/metrics', (c) => {
    // A reverse proxy on the same machine connects from loopback too: it adds these headers.
    const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => c.req.header(h));
    if (proxied || !isLoopback(clientAddress(c))) {
      return jsonError(c, 404, 'not_found', 'Nothing here.');
    }
    const memory = process.memoryUsage();
    return c.json({
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      rooms: deps.relay.roomCount,
      presenceStates: deps.relay.presenceStates,
      ...deps.relay.metrics,
      ...deps.metrics?.(),
    });
  });

  registerArchiveRoutes(app, deps, checks); // before the JSON body limit: own, larger limits
  registerBoardCreationRoute(app, deps, checks); // R54: a board file, same reason

  const jsonBodyLimit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) =>
      jsonError(
        c,
        413,
        'payload_too_large',
        `The body must be at most ${deps.maxBodyBytes} bytes.`,
      ),
  });
  // Image uploads have their own, larger limit (image-routes.ts).
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && IMAGE_UPLOAD_PATH.test(c.req.path) ? next() : jsonBodyLimit(c, next),
  );

  app.post('/api/forums', async (c) => {
    // R32: creating a forum needs no token, and writes ten boards: a budget per address.
    const wait = deps.preAuth.forumCreation(clientAddress(c));
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'too_many_requests', 'Too many forums created from this address.');
    }
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

  registerForumRoutes(app, deps, checks);
  registerBoardManageRoutes(app, deps, checks); // R55–R57: rename, remove, forum title and day
  registerForumDeleteRoutes(app, deps, checks); // R70: a forum deleted for good
  registerBoardCopyRoutes(app, deps, checks); // R68: one board's content into others
  registerFacilitationRoutes(app, deps, checks);
  registerPlenaryListRoutes(app, deps, checks); // C10: the list onto the plenary board
  registerVoteRoutes(app, deps, checks, deps.votes);
  registerBoardRoutes(app, deps, checks.board);
  registerImageRoutes(app, deps, checks.board);

  app.all('/api/*', (c) =>
    jsonError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`),
  );

  const serveWeb = createStaticHandler(deps.webDir);
  app.on(['GET', 'HEAD'], '*', (c) => serveWeb(c));

  return app;
}
