import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CachedBlobStore } from '../blobs/blob-cache.ts';
import { redisChangeLock } from '../cluster/change-lock.ts';
import { SmallImages } from '../blobs/small-images.ts';
import { SqliteBlobStore, type BlobStore } from '../blobs/blob-store.ts';
import { closeRevokedOnAccessChange, type ForumImageCaches } from '../cluster/access-recheck.ts';
import { SharedBoardGuard } from '../cluster/shared-board-guard.ts';
import type { Config } from '../config.ts';
import { SqliteVoteStore, type VoteStore } from '../facilitation/vote-store.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { sqliteLinkChanges, watchRevokedLinks } from '../forums/revoked-links.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { AdmittedBytes } from '../limits/admitted-bytes.ts';
import { BoardGuard } from '../limits/board-guard.ts';
import { catchUpMessageBytes, createMessageAdmission } from '../limits/message-limits.ts';
import { createOriginCheck } from '../limits/origin.ts';
import { createHostCheck } from '../limits/host.ts';
import { PreAuthBudget } from '../limits/pre-auth.ts';
import type { Logger } from '../log.ts';
import { CLUSTER_PRESENCE } from '../relay/protocol.ts';
import { Relay } from '../relay/relay.ts';
import { AutoVersionStorage } from '../storage/auto-versions.ts';
import { DATABASE_FILE, openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import {
  sqliteStorageProbe,
  StorageHealth,
  watchStorageHealth,
} from '../storage/storage-health.ts';
import { FORUM_IMPORT_PATH } from '../archive/routes.ts';
import { AddressConnections } from './address-connections.ts';
import { createApp } from './app.ts';
import { watchBodyDeadlines, withBodyDeadlines, type BodyDeadlines } from './body.ts';
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

/** The stores behind the routes, the socket upgrade and the link watchers. */
export interface ServerStores {
  forums: ForumStore;
  blobs: BlobStore;
  votes: VoteStore;
}

/** SQLite (the default): one file in the data directory, WAL checkpointed off the event loop. */
function openSqliteStores(dataDir: string, storageLog: Logger) {
  // An update is one-way (an older Carton refuses the file after it): said in the log.
  const db = openDatabase(dataDir, DATABASE_FILE, ({ file, from, to }) =>
    from === 0
      ? storageLog.info('database_created', { file, schema: to })
      : storageLog.info('database_updated', { file, from, to }),
  );
  // R69: a full disk is said once (which file), not once per append, checkpoint or request.
  // While failing, a tiny write of its own every few seconds tells when space is back.
  const health = new StorageHealth(join(dataDir, DATABASE_FILE), storageLog, {
    probe: sqliteStorageProbe(db),
  });
  // R5: WAL checkpoints in a worker thread, off the event loop that relays updates.
  const boards = new SqliteBoardStorage(db, {
    backgroundCheckpointMs: 1_000,
    onError: (error) => {
      if (health.failed(error, 'checkpoint') === null)
        storageLog.warn('checkpoint_failed', { error });
    },
  });
  return {
    boards,
    health,
    forums: new SqliteForumStore(db),
    blobs: new SqliteBlobStore(db),
    votes: new SqliteVoteStore(db),
    linkChanges: sqliteLinkChanges(db),
    // boards.close() checkpoints and closes the file.
    close: async () => {},
  };
}

export interface StartOptions {
  /** Tests: wraps the stores (e.g. so that every answer comes asynchronously). */
  wrapStores?: (stores: ServerStores) => ServerStores;
}

export async function startServer(
  config: Config,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const storageLog = log.child({ part: 'storage' });
  // Only a server that uses them loads PostgreSQL's and Redis's clients: on one machine (SQLite,
  // no bus) they were ~0.4 s of the ~1.1 s of CPU a start took.
  const postgres = config.database ? await import('../postgres/open-stores.ts') : null;
  const redis = config.redisUrl ? await import('../cluster/redis-bus.ts') : null;
  // R59: PostgreSQL when CARTON_DATABASE_URL is set (no SQLite file then), else SQLite.
  const opened =
    postgres && config.database
      ? await postgres.openPostgresStores(config.database, storageLog)
      : openSqliteStores(config.dataDir, storageLog);
  // R69: writes tell the health how they went (a full disk, an unreachable PostgreSQL).
  const health = opened.health;
  const boards = new AutoVersionStorage(watchStorageHealth(opened.boards, health), {
    intervalMs: config.rooms.autoSnapshotMs,
    log: log.child({ part: 'history' }),
    shared: config.redisUrl !== null,
  });
  const stores: ServerStores = opened;
  const wrapped = options.wrapStores?.(stores) ?? stores;
  const { forums, votes } = wrapped;
  // Each phone fetches every photo of its board, an archive reads a photo once per board that
  // shows it: the photos last read answer from memory (blob-cache.ts).
  // R71: their small copies too, made here; removing an image lets its copy go.
  const smallImages = new SmallImages(log.child({ part: 'images' }));
  const photoCache = new CachedBlobStore(wrapped.blobs);
  const blobs = smallImages.forgettingRemoved(photoCache);
  // R70: an erased forum's photos and their copies leave memory at once, here and (on the
  // bus's notice of the deletion) in the other processes.
  const imageCaches: ForumImageCaches = {
    forumIds: () => new Set([...photoCache.forumIds(), ...smallImages.forumIds()]),
    forgetForum: (forumId) => {
      photoCache.forgetForum(forumId);
      smallImages.forgetForum(forumId);
    },
  };
  const limits = config.limits;
  const preAuth = new PreAuthBudget(limits);
  const localBoardGuard = new BoardGuard(limits);
  // R63: with CARTON_REDIS_URL, several processes serve the same boards through a Redis bus.
  const busLog = log.child({ part: 'bus' });
  const bus =
    redis && config.redisUrl
      ? await redis.RedisBus.start({ url: config.redisUrl, log: busLog })
      : null;
  // R66: swept six times per timeout (every 5 s at the default 30 s), read at each sweep.
  CLUSTER_PRESENCE.timeoutMs = config.clusterPresenceTimeoutMs;
  CLUSTER_PRESENCE.sweepMs = Math.min(5_000, Math.ceil(config.clusterPresenceTimeoutMs / 6));
  if (redis && config.redisUrl) {
    busLog.info('bus_started', { redis: redis.RedisBus.describe(config.redisUrl) });
  }
  // R31 with several processes: a board's connections are counted across them in Redis.
  const sharedBoardGuard = bus
    ? new SharedBoardGuard({
        client: bus.commands,
        processId: bus.instanceId.toString('hex'),
        local: localBoardGuard,
        limits,
        log: log.child({ part: 'limits' }),
      })
    : null;
  // R30 with several processes: the others' appends count in this process's board sizes.
  const storedBoards = opened.boards;
  if (bus && postgres && storedBoards instanceof postgres.PgBoardStorage) {
    bus.onRemoteUpdate((boardId, bytes) => storedBoards.countRemoteAppend(boardId, bytes));
  }
  // R30: updates admitted but not appended yet count on top of each re-measured size.
  const admitted = new AdmittedBytes();
  const admission = createMessageAdmission(
    limits,
    (boardId) => opened.boards.storedBytes(boardId),
    log.child({ part: 'limits' }),
    bus ? (listener) => bus.onRemoteUpdate(listener) : undefined,
    admitted,
  );
  const relay = new Relay({
    bus,
    // R63: a change checking what every process wrote (PUT /compilation) takes this lock.
    serialise: bus ? redisChangeLock(bus.commands, log.child({ part: 'bus' })) : null,
    storage: admitted.track(boards),
    log: log.child({ part: 'relay' }),
    admitMessage: admission,
    maxBufferedBytes: config.limits.maxBufferedBytes,
    roomUnloadMs: config.rooms.unloadMs,
    compactUpdates: config.rooms.compactUpdates,
    compactBytes: config.rooms.compactBytes,
    compactIntervalMs: config.rooms.compactIntervalMs,
    keepaliveMs: config.rooms.keepaliveMs,
  });
  // R33: one rule for sockets and for HTTP writes.
  const originAllowed = createOriginCheck({
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
  });
  // R33b: one rule for sockets and for HTTP requests.
  const hostAllowed = createHostCheck({
    publicUrl: config.publicUrl,
    allowedHosts: config.allowedHosts,
    log: log.child({ part: 'http' }),
  });
  const webDir = config.webDir ?? defaultWebDir();
  // A server built without its web client answers every page 404: said once, at start.
  if (!existsSync(join(webDir, 'index.html'))) {
    log.warn('web_client_missing', {
      webDir,
      hint: 'no index.html there: build it with `pnpm run build` (npm start does), or set CARTON_WEB_DIR',
    });
  }
  const app = createApp({
    originAllowed,
    hostAllowed,
    forums,
    boards,
    relay,
    log: log.child({ part: 'http' }),
    publicUrl: config.publicUrl,
    webDir,
    maxBodyBytes: config.limits.maxBodyBytes,
    blobs,
    smallImages,
    imageCaches,
    maxImageBytes: limits.maxImageBytes,
    maxForumImageBytes: limits.maxForumImageBytes,
    boardBytes: { max: limits.maxBoardBytes, stored: (id) => opened.boards.storedBytes(id) },
    preAuth,
    votes,
    uploadStallMs: config.uploads.stallMs,
    archivePngMaxPixels: config.archivePngMaxPixels,
    storageHealth: health,
    // Beside the relay's counters: R29's held-back presence and the awareness clocks the
    // admission remembers, and the bus's for the operator of several processes (R63).
    metrics: () => ({
      ...admission.presence,
      awarenessClocks: admission.awarenessClocks(),
      smallImagesMade: smallImages.made,
      smallImagesKeptBytes: smallImages.keptBytes,
      photosKeptBytes: photoCache.keptBytes,
      ...(bus
        ? {
            busPublished: bus.metrics.published,
            busReceived: bus.metrics.received,
            busOversized: bus.metrics.oversized,
            busUnpublished: bus.metrics.unpublished,
            busReconnections: bus.metrics.reconnections,
          }
        : {}),
    }),
  });

  const deadlines: BodyDeadlines = {
    bodyTimeoutMs: config.uploads.bodyTimeoutMs,
    uploadTimeoutMs: config.uploads.timeoutMs,
    isUpload: (method, path) => method === 'POST' && path === FORUM_IMPORT_PATH,
  };
  const requestTimeout = Math.max(deadlines.uploadTimeoutMs, deadlines.bodyTimeoutMs) + 10_000;
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      {
        fetch: withBodyDeadlines(app.fetch, deadlines),
        port: config.port,
        hostname: config.host,
        // Node's default (300 s) cut archive uploads with a bare 408; each request's own
        // deadline (body.ts) answers first, in JSON, so this only backs them up. Headers keep
        // Node's 60 s headersTimeout (slow headers on any route).
        serverOptions: { requestTimeout, headersTimeout: Math.min(60_000, requestTimeout) },
      },
      () => resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  watchBodyDeadlines(server, deadlines);
  new AddressConnections(limits.maxConnectionsPerIp).attach(server, log.child({ part: 'limits' }));
  const sockets = attachSyncUpgrade(server, {
    relay,
    forums,
    log: log.child({ part: 'upgrade' }),
    maxMessageBytes: config.limits.maxMessageBytes,
    catchUpMessageBytes: catchUpMessageBytes(config.limits),
    maxFragments: config.limits.maxFragments,
    preAuth,
    boardGuard: sharedBoardGuard ?? localBoardGuard,
    storageHealth: health,
    originAllowed,
    hostAllowed,
  });
  const port = (server.address() as AddressInfo).port;
  // L4: a facilitator link replaced from the command line also loses its open sockets.
  const stopWatching = watchRevokedLinks({
    changes: opened.linkChanges,
    forums,
    relay,
    log: log.child({ part: 'links' }),
  });
  // R67: a link replaced or a board removed by another process closes our sockets too.
  const stopRecheck = bus
    ? closeRevokedOnAccessChange({
        bus,
        relay,
        forums,
        images: imageCaches,
        log: log.child({ part: 'links' }),
      })
    : () => {};

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Order matters: relay closes sockets politely and flushes; then sockets are terminated
      // (server.close() would otherwise wait for them forever); then the database.
      stopWatching();
      stopRecheck();
      await relay.close();
      // The others stop counting this process's connections at once (R31).
      await sharedBoardGuard?.close();
      // After the rooms closed: their presence removals (R66) are published before this.
      await bus?.close();
      sockets.terminateAll();
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await boards.close();
      await opened.close();
    })();
    return closing;
  };

  return { url: `http://${config.host}:${port}`, port, relay, close };
}
