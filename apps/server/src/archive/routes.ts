import { localDay, slugify } from '@carton/board';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { canWrite } from '../forums/access.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppDeps } from '../http/app.ts';
import type { BoardAccessCheck, ForumAccessCheck } from '../http/board-access.ts';
import { BodyDeadlineError, bodyDeadlineResponse } from '../http/body.ts';
import { errorBody, jsonError, storageUnavailable } from '../http/errors.ts';
import { importIntoBoard } from './board-import.ts';
import { ArchiveError } from './errors.ts';
import { ARCHIVE_LIMITS, MAX_BOARD_IMPORT_BYTES } from './limits.ts';
import { readForumArchive } from './read.ts';
import type { SpooledUpload } from './upload.ts';
import { spoolUpload, UploadDiskFull, UploadStalled, UploadTooLarge } from './upload.ts';
import { ImportNotStoredError, restoreForumArchive } from './restore.ts';
import { relaySource } from './source.ts';
import { streamForumArchive } from './write.ts';

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      jsonError(c, 413, 'payload_too_large', `The body must be at most ${maxSize} bytes.`),
  });
}

function archiveError(c: Context, error: ArchiveError): Response {
  const status =
    error.code === 'too_large' || error.code === 'archive_too_large'
      ? 413
      : error.code === 'image_quota_exceeded'
        ? 507
        : 400;
  const body = errorBody(error.code, error.message);
  return c.json(
    { error: { ...body.error, path: error.path, issues: error.issues.slice(0, 100) } },
    status,
  );
}

/** Where a forum archive is uploaded: the one route whose body may take an hour (config). */
export const FORUM_IMPORT_PATH = '/api/forums/import';

/** Forum imports one process runs at once (each spools its zip to a temporary file). */
const MAX_IMPORTS_AT_ONCE = 2;
let importsRunning = 0;
/**
 * Addresses whose import is running: one each, so a single client trickling two uploads
 * (each may take until Node's request timeout) cannot hold every place.
 */
const importingAddresses = new Set<string>();

/**
 * Export and import (ARCHIVE rules in SPEC): a forum as a zip, a zip back as a new forum, a
 * board file into a live board. Registered before the app's JSON body limit: these routes
 * take larger bodies and set their own limits.
 */
export function registerArchiveRoutes(
  app: Hono,
  deps: AppDeps,
  checks: { board: BoardAccessCheck; forum: ForumAccessCheck },
): void {
  app.get('/api/forums/:id/archive.zip', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return jsonError(c, access.status, access.code, access.message);
    let stream: ReadableStream<Uint8Array> | null;
    try {
      stream = await streamForumArchive(relaySource(deps), access.forum.id, {
        ...(deps.archivePngMaxPixels === undefined
          ? {}
          : { pngMaxPixels: deps.archivePngMaxPixels }),
      });
    } catch (error) {
      // Boards and images alone past what an import takes: refused before the first byte,
      // rather than an archive no Carton could import.
      if (error instanceof ArchiveError) return archiveError(c, error);
      throw error;
    }
    if (!stream) return jsonError(c, 404, 'forum_not_found', 'No such forum.');
    // Named for the forum's day; without one, the server's local day (toISOString's UTC day
    // is already tomorrow for an archive downloaded after 19 h in Quebec).
    const name = `${slugify(access.forum.title, 'forum')}-${access.forum.date ?? localDay(new Date())}.zip`;
    c.header('Content-Type', 'application/zip');
    c.header(
      'Content-Disposition',
      `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    c.header('Cache-Control', 'no-store');
    deps.log.info('forum_archive', { forum: access.forum.id });
    return c.body(stream);
  });

  // Anyone may create a forum (POST /api/forums), so anyone may recreate one from an archive:
  // it gets new ids and new links, and touches no existing forum.
  app.post(
    FORUM_IMPORT_PATH,
    // The same budget as POST /api/forums (R32), before a byte of the body is read.
    async (c, next) => {
      const wait = deps.preAuth.forumCreation(clientAddress(c));
      if (wait === null) return next();
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'too_many_requests', 'Too many forums created from this address.');
    },
    async (c) => {
      const max = ARCHIVE_LIMITS.maxArchiveBytes;
      const tooLarge = () =>
        jsonError(c, 413, 'payload_too_large', `The archive must be at most ${max} bytes.`);
      if (Number(c.req.header('Content-Length') ?? 0) > max) return tooLarge();
      // Each import takes up to maxArchiveBytes of disk and one entry of memory at a time.
      const address = clientAddress(c);
      if (importsRunning >= MAX_IMPORTS_AT_ONCE || importingAddresses.has(address)) {
        c.header('Retry-After', '30');
        return jsonError(c, 503, 'import_busy', 'Other archives are being imported; try again.');
      }
      importsRunning++;
      importingAddresses.add(address);
      let upload: SpooledUpload | null = null;
      try {
        const announced = Number(c.req.header('Content-Length') ?? 0);
        upload = await spoolUpload(c.req.raw.body, max, {
          expectedBytes: Number.isFinite(announced) ? announced : 0,
          ...(deps.uploadStallMs === undefined ? {} : { stallMs: deps.uploadStallMs }),
        });
        const archive = await readForumArchive(upload.zip);
        const created = await restoreForumArchive(archive, {
          forums: deps.forums,
          boards: deps.boards,
          blobs: deps.blobs,
          votes: deps.votes,
          baseUrl: deps.publicUrl ?? new URL(c.req.url).origin,
          maxForumImageBytes: deps.maxForumImageBytes,
        });
        deps.log.info('forum_imported', {
          forum: created.forum.id,
          boards: created.boards.length,
          ...(created.leftOut ? { leftOut: created.leftOut } : {}),
        });
        return c.json(created, 201);
      } catch (error) {
        if (error instanceof ArchiveError) return archiveError(c, error);
        // Storage refused a write part-way: nothing of the import is left (restore.ts).
        if (error instanceof ImportNotStoredError) {
          deps.log.error('forum_import_not_stored', { error: error.cause });
          return storageUnavailable(c);
        }
        if (error instanceof UploadTooLarge) return tooLarge();
        if (error instanceof UploadStalled) {
          // The client may still send, later: the connection closes with the answer.
          c.header('Connection', 'close');
          return jsonError(c, 408, 'upload_stalled', error.message);
        }
        // CARTON_UPLOAD_TIMEOUT_MS passed (body.ts answers the same if this did not).
        if (error instanceof BodyDeadlineError) return bodyDeadlineResponse(error);
        if (error instanceof UploadDiskFull) {
          c.header('Retry-After', '300');
          return jsonError(c, 507, 'insufficient_storage', error.message);
        }
        throw error;
      } finally {
        await upload?.dispose();
        importsRunning--;
        importingAddresses.delete(address);
      }
    },
  );

  app.post(
    '/api/boards/:id/import',
    // The token first: nobody sends megabytes to a board they cannot write.
    async (c, next) => {
      const granted = await checks.board(c);
      if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
      if (!canWrite(granted.role)) {
        return jsonError(c, 403, 'forbidden', 'A view link cannot import into the board.');
      }
      await next();
    },
    limit(MAX_BOARD_IMPORT_BYTES),
    async (c) => {
      const granted = await checks.board(c);
      if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
      const body = new Uint8Array(await c.req.arrayBuffer());
      const result = await importIntoBoard(
        deps,
        { boardId: granted.board.id, forumId: granted.board.forumId },
        body,
        MAX_BOARD_IMPORT_BYTES,
      );
      if (!result.ok) {
        const { status, code, message, path, issues } = result;
        return c.json({ error: { code, message, path, issues: issues ?? [] } }, status);
      }
      deps.log.info('board_imported', { board: granted.board.id, created: result.created });
      const { created, skipped, images } = result;
      return c.json({ imported: { created, skipped, images } });
    },
  );
}
