import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SqliteBlobStore } from '../blobs/blob-store.ts';
import type { Config } from '../config.ts';
import { SqliteVoteStore } from '../facilitation/vote-store.ts';
import { watchRevokedLinks } from '../forums/revoked-links.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { BoardGuard } from '../limits/board-guard.ts';
import { createMessageAdmission } from '../limits/message-limits.ts';
import { createOriginCheck } from '../limits/origin.ts';
import { PreAuthBudget } from '../limits/pre-auth.ts';
import type { Logger } from '../log.ts';
import { Relay } from '../relay/relay.ts';
import { AutoVersionStorage } from '../storage/auto-versions.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { createApp } from './app.ts';
import { attachSyncUpgrade } from './upgrade.ts';

export interface RunningServer {
  /** `http://HOST:PORT` with the real port. */
  url: string;
  port: number;
  relay: Relay;
  /** Closes sockets, flushes rooms, stops listening, closes the database. */
  close(): Promise<void>;
}

/** The built web client: `CARTON_WEB_DIR`, else `apps/web/dist` beside this server's dist. */
function defaultWebDir(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  // R5: WAL checkpoints in a worker thread, off the event loop that relays updates.
  const storageLog = log.child({ part: 'storage' });
  const sqliteBoards = new SqliteBoardStorage(db, {
    backgroundCheckpointMs: 1_000,
    onError: (error) => storageLog.warn('checkpoint_failed', { error }),
  });
  const boards = new AutoVersionStorage(sqliteBoards, {
    intervalMs: config.rooms.autoSnapshotMs,
    log: log.child({ part: 'history' }),
  });
  const forums = new SqliteForumStore(db);
  const blobs = new SqliteBlobStore(db);
  const limits = config.limits;
  const preAuth = new PreAuthBudget(limits);
  const boardGuard = new BoardGuard(limits);
  const relay = new Relay({
    storage: boards,
    log: log.child({ part: 'relay' }),
    admitMessage: createMessageAdmission(
      limits,
      (boardId) => sqliteBoards.storedBytes(boardId),
      log.child({ part: 'limits' }),
    ),
    maxBufferedBytes: config.limits.maxBufferedBytes,
    roomUnloadMs: config.rooms.unloadMs,
    compactUpdates: config.rooms.compactUpdates,
    compactBytes: config.rooms.compactBytes,
    compactIntervalMs: config.rooms.compactIntervalMs,
    keepaliveMs: config.rooms.keepaliveMs,
  });
  const app = createApp({
    forums,
    boards,
    relay,
    log: log.child({ part: 'http' }),
    publicUrl: config.publicUrl,
    webDir: config.webDir ?? defaultWebDir(),
    maxBodyBytes: config.limits.maxBodyBytes,
    blobs,
    maxImageBytes: limits.maxImageBytes,
    maxForumImageBytes: limits.maxForumImageBytes,
    preAuth,
    votes: new SqliteVoteStore(db),
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const sockets = attachSyncUpgrade(server, {
    relay,
    forums,
    log: log.child({ part: 'upgrade' }),
    maxMessageBytes: config.limits.maxMessageBytes,
    maxFragments: config.limits.maxFragments,
    preAuth,
    boardGuard,
    originAllowed: createOriginCheck({
      publicUrl: config.publicUrl,
      allowedOrigins: config.allowedOrigins,
    }),
  });
  const port = (server.address() as AddressInfo).port;
  // L4: a facilitator link replaced from the command line also loses its open sockets.
  const stopWatching = watchRevokedLinks({ db, forums, relay, log: log.child({ part: 'links' }) });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Order matters: relay closes sockets politely and flushes; then sockets are terminated
      // (server.close() would otherwise wait for them forever); then the database.
      stopWatching();
      await relay.close();
      sockets.terminateAll();
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await boards.close();
    })();
    return closing;
  };

  return { url: `http://${config.host}:${port}`, port, relay, close };
}
