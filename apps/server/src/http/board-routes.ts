import { exportBoard, slugify } from '@carton/board';
import type { Context, Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import type { BoardAccess } from '../forums/access.ts';
import { nameInput } from '../forums/create-forum.ts';
import { TooManyVersionsError } from '../storage/board-storage.ts';
import { restoreVersion } from '../storage/restore.ts';
import { MAX_NAMED_VERSIONS } from '../storage/snapshot-rows.ts';
import type { AppDeps } from './app.ts';
import type { BoardAccessCheck } from './board-access.ts';
import { isNotStored, jsonError, storageUnavailable } from './errors.ts';

const SnapshotInput = z.strictObject({
  // Plain visible text, as every name (R24): a lone surrogate was answered as sent and stored
  // as U+FFFD, and version names become file names in the forum's archive.
  name: nameInput(100),
});

function attachment(c: Context, name: string): void {
  c.header(
    'Content-Disposition',
    `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  c.header('Cache-Control', 'no-store');
}

/** Board lookup, export and version history (R19, R22, R27, R37). */
export function registerBoardRoutes(app: Hono, deps: AppDeps, access: BoardAccessCheck): void {
  const facilitatorOnly = (c: Context, granted: BoardAccess & { ok: true }): Response | null =>
    granted.role === 'facilitator'
      ? null
      : jsonError(c, 403, 'forbidden', 'Only the facilitator token manages versions.');

  app.get('/api/boards/:id', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const { board, role } = granted;
    return c.json({
      board: {
        id: board.id,
        title: board.title,
        kind: board.kind,
        territory: board.territory,
        forumId: board.forumId,
      },
      role,
    });
  });

  app.get('/api/boards/:id/export.json', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    // The territory is the row's: written in the file so a renamed board comes back as its own.
    const territory = granted.board.territory;
    const file = await deps.relay.withBoardDoc(granted.board.id, (doc) =>
      exportBoard(doc, { territory }),
    );
    attachment(c, `${slugify(granted.board.title, 'tableau')}-${granted.board.id}.json`);
    return c.json(file);
  });

  app.get('/api/boards/:id/snapshots', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const refused = facilitatorOnly(c, granted);
    if (refused) return refused;
    const snapshots = await deps.boards.listSnapshots(granted.board.id);
    return c.json({ snapshots });
  });

  app.post('/api/boards/:id/snapshots', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const refused = facilitatorOnly(c, granted);
    if (refused) return refused;
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return jsonError(c, 400, 'invalid_json', 'The body must be JSON.');
    }
    const parsed = SnapshotInput.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
        .join('; ');
      return jsonError(c, 400, 'invalid_request', message);
    }
    const state = await deps.relay.withBoardDoc(granted.board.id, (doc) =>
      Y.encodeStateAsUpdate(doc),
    );
    try {
      const snapshot = await deps.boards.saveSnapshot(granted.board.id, state, {
        kind: 'named',
        name: parsed.data.name,
        maxNamed: MAX_NAMED_VERSIONS,
      });
      return c.json({ snapshot }, 201);
    } catch (error) {
      if (!(error instanceof TooManyVersionsError)) throw error;
      deps.log.info('version_refused', { board: granted.board.id, max: error.max });
      return jsonError(
        c,
        409,
        'too_many_versions',
        `A board keeps at most ${error.max} named versions; automatic versions are still kept.`,
      );
    }
  });

  const findVersion = async (c: Context, boardId: string) => {
    const raw = c.req.param('snapshotId') ?? '';
    const snapshotId = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
    const state = Number.isSafeInteger(snapshotId)
      ? await deps.boards.getSnapshot(boardId, snapshotId)
      : null;
    return { snapshotId, state };
  };

  app.post('/api/boards/:id/snapshots/:snapshotId/restore', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const refused = facilitatorOnly(c, granted);
    if (refused) return refused;
    const boardId = granted.board.id;
    const { snapshotId, state } = await findVersion(c, boardId);
    if (!state) return jsonError(c, 404, 'snapshot_not_found', 'No such version of this board.');
    let outcome: { summary: ReturnType<typeof restoreVersion>; before: Uint8Array } | null = null;
    let failure: unknown = null;
    let applied: boolean;
    try {
      // Answered once the restore is stored (R5): a 200 is never a change storage lacks.
      applied = await deps.relay.changeBoard(boardId, (doc) => {
        // Undo cannot take a restore back: keep the board as it was, as a version.
        const before = Y.encodeStateAsUpdate(doc);
        try {
          outcome = { summary: restoreVersion(doc, state), before };
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      if (!isNotStored(error)) throw error;
      // R6: the append failed; the board is as it was, so no « Avant la restauration » either.
      deps.log.error('restore_not_stored', { board: boardId, snapshot: snapshotId, error });
      return storageUnavailable(c);
    }
    if (!applied) {
      return jsonError(c, 503, 'board_unavailable', 'The board could not be loaded; try again.');
    }
    if (failure !== null || outcome === null) {
      deps.log.warn('restore_failed', { board: boardId, error: failure as Error });
      return jsonError(c, 409, 'restore_failed', 'This version cannot be restored on this board.');
    }
    const { summary, before } = outcome as {
      summary: ReturnType<typeof restoreVersion>;
      before: Uint8Array;
    };
    const saved = await deps.boards.saveSnapshot(boardId, before, {
      kind: 'auto',
      name: `Avant la restauration de la version ${snapshotId}`,
    });
    deps.log.info('version_restored', { board: boardId, snapshot: snapshotId, ...summary });
    return c.json({ restored: { snapshotId, ...summary }, previous: saved });
  });

  app.get('/api/boards/:id/snapshots/:snapshotId/export.json', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const refused = facilitatorOnly(c, granted);
    if (refused) return refused;
    const { snapshotId, state } = await findVersion(c, granted.board.id);
    if (!state) return jsonError(c, 404, 'snapshot_not_found', 'No such version of this board.');
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const file = exportBoard(doc, { territory: granted.board.territory });
      attachment(
        c,
        `${slugify(granted.board.title, 'tableau')}-${granted.board.id}-v${snapshotId}.json`,
      );
      return c.json(file);
    } finally {
      doc.destroy();
    }
  });
}
