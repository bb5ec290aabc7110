import { resolve } from 'node:path';
import { z } from 'zod';
import { MAX_PNG_PIXELS } from './archive/limits.ts';
import type { BoardGuardLimits } from './limits/board-guard.ts';
import type { MessageLimits } from './limits/message-limits.ts';
import type { PreAuthLimits } from './limits/pre-auth.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Environment variables must be whole numbers in a range; anything else is a startup error. */
function int(defaultValue: number, min: number, max: number) {
  // One sentence for every way a value is wrong (`abc`, `64MB`, `1.5`, out of range).
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .default(defaultValue);
}

/** Variables whose values may hold a password: never repeated in an error. */
const SECRET_VARIABLES = new Set(['CARTON_DATABASE_URL', 'CARTON_REDIS_URL']);

const EnvSchema = z.object({
  PORT: int(8787, 0, 65_535),
  HOST: z.string().min(1).default('localhost'),
  CARTON_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    // Carton is served from the root: a path (`…/carton`) would hand out links nothing answers.
    .refine((url) => /^https?:\/\/[^/?#]+\/*$/i.test(url), {
      error: 'must be the address only, without a path (e.g. http://192.168.1.20:8787)',
    })
    .optional()
    .transform((url) => url?.replace(/\/+$/, '')),
  CARTON_DATA_DIR: z.string().min(1).default('./data'),
  CARTON_WEB_DIR: z.string().min(1).optional(),
  CARTON_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Largest WebSocket message (after reassembly of fragments): room for a sync step 2 of
   * CARTON_MAX_SYNC_BYTES and its few bytes of framing. A writer's first catch-up may be as
   * large as the board (R28, R14: catchUpMessageBytes).
   */
  CARTON_MAX_MESSAGE_BYTES: int(8 * MiB + 64 * KiB, 1 * KiB, 64 * MiB),
  /** Most fragments one WebSocket message may be split into. */
  CARTON_MAX_FRAGMENTS: int(1024, 1, 65_536),
  /** A receiver whose unsent bytes exceed this is closed so it resyncs (R13). */
  CARTON_MAX_BUFFERED_BYTES: int(8 * MiB, 64 * KiB, 1024 * MiB),
  /** Largest HTTP request body. */
  CARTON_MAX_BODY_BYTES: int(64 * KiB, 1 * KiB, 16 * MiB),
  /** How long a room stays loaded after its last client left. */
  CARTON_ROOM_UNLOAD_MS: int(30_000, 0, 24 * 3_600_000),
  /** Compact a board's update log after this many appended updates… */
  CARTON_COMPACT_UPDATES: int(500, 1, 1_000_000),
  /** …or this many appended bytes… */
  CARTON_COMPACT_BYTES: int(1 * MiB, 1 * KiB, 1024 * MiB),
  /** …or this long after the first uncompacted update. */
  CARTON_COMPACT_INTERVAL_MS: int(60_000, 10, 24 * 3_600_000),
  /** A connection that was sent nothing for this long gets a no-op frame (R15). */
  CARTON_KEEPALIVE_MS: int(15_000, 100, 3_600_000),
  /** R28: per connection, document updates per second and burst, and the largest update. */
  CARTON_UPDATES_PER_SECOND: int(150, 1, 100_000),
  CARTON_UPDATE_BURST: int(300, 1, 1_000_000),
  CARTON_MAX_UPDATE_BYTES: int(1 * MiB, 1 * KiB, 64 * MiB),
  /** R28: the largest sync step 2 after a connection's first (its catch-up: the board's size). */
  CARTON_MAX_SYNC_BYTES: int(8 * MiB, 1 * KiB, 64 * MiB),
  /** R29: per connection, awareness messages per second (cursors: 20 Hz), burst, largest. */
  CARTON_AWARENESS_PER_SECOND: int(20, 1, 100_000),
  CARTON_AWARENESS_BURST: int(40, 1, 1_000_000),
  CARTON_MAX_AWARENESS_BYTES: int(64 * KiB, 256, 64 * MiB),
  /** R29b: per connection, sync step 1 and query awareness frames answered per minute, burst. */
  CARTON_STATE_REQUESTS_PER_MINUTE: int(6, 1, 1_000_000),
  CARTON_STATE_REQUEST_BURST: int(3, 1, 1_000_000),
  /** R30: the stored document (snapshot + log) of one board may not grow past this. */
  CARTON_MAX_BOARD_BYTES: int(32 * MiB, 1 * KiB, 4096 * MiB),
  /** R31: open connections per board, and joins per second (and burst) per board. */
  CARTON_MAX_CONNECTIONS_PER_BOARD: int(200, 1, 100_000),
  CARTON_JOINS_PER_SECOND_PER_BOARD: int(20, 1, 100_000),
  CARTON_JOIN_BURST_PER_BOARD: int(60, 1, 1_000_000),
  /** R32: before authentication, per IP: upgrades per second (and burst), bad tokens per minute. */
  CARTON_UPGRADES_PER_SECOND_PER_IP: int(20, 1, 100_000),
  /** R32b: open TCP connections (HTTP and WebSocket) per IP address. */
  CARTON_MAX_CONNECTIONS_PER_IP: int(512, 1, 1_000_000),
  CARTON_UPGRADE_BURST_PER_IP: int(100, 1, 1_000_000),
  CARTON_BAD_TOKENS_PER_MINUTE_PER_IP: int(30, 1, 1_000_000),
  CARTON_BAD_TOKEN_BURST_PER_IP: int(30, 1, 1_000_000),
  CARTON_FORUMS_PER_HOUR_PER_IP: int(120, 1, 1_000_000),
  CARTON_FORUM_BURST_PER_IP: int(30, 1, 1_000_000),
  /** R33: extra origins allowed to open sockets, comma-separated (`https://a.example,…`). */
  CARTON_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /**
   * R33b: more names the server answers to, comma-separated (`carton.example.org,…`), beside its
   * IP addresses, `localhost`, `.local` names and the host of CARTON_PUBLIC_URL.
   */
  CARTON_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((host) => host.trim().toLowerCase().replace(/\.$/, ''))
        .filter((host) => host !== ''),
    )
    .pipe(
      z.array(
        z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
          error: 'must be host names (no scheme, port or path), comma-separated',
        }),
      ),
    ),
  /** R35: largest uploaded image, and all images of one forum together. */
  CARTON_MAX_IMAGE_BYTES: int(10 * MiB, 1 * KiB, 256 * MiB),
  CARTON_MAX_FORUM_IMAGE_BYTES: int(1024 * MiB, 1 * KiB, 1024 * 1024 * MiB),
  /**
   * Most pixels of a board's PNG in a forum archive (drawn smaller past it): a small server can
   * lower it to export sooner and with less memory, as the cross-process tests do.
   */
  CARTON_ARCHIVE_PNG_MAX_PIXELS: int(MAX_PNG_PIXELS, 10_000, MAX_PNG_PIXELS),
  /** R38: an active board keeps an auto version at most this often. */
  CARTON_AUTO_SNAPSHOT_MS: int(10 * 60_000, 100, 24 * 3_600_000),
  /** R59: keep everything in PostgreSQL (`postgres://user:pass@host:5432/db`) instead of SQLite. */
  CARTON_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .optional(),
  /** R59: most PostgreSQL connections the server opens. */
  CARTON_DATABASE_POOL: int(10, 1, 1_000),
  /** R60: longest a statement (or a transaction left idle) may take before it fails. */
  CARTON_DATABASE_STATEMENT_TIMEOUT_MS: int(15_000, 100, 3_600_000),
  /** Longest a forum archive upload (POST /api/forums/import) may take in all. */
  CARTON_UPLOAD_TIMEOUT_MS: int(3_600_000, 1_000, 24 * 3_600_000),
  /** An archive upload that sends no byte for this long stops (408 upload_stalled). */
  CARTON_UPLOAD_STALL_MS: int(60_000, 100, 3_600_000),
  /** Every other request must have sent its whole body within this (408 body_timeout). */
  CARTON_BODY_TIMEOUT_MS: int(120_000, 100, 3_600_000),
  /**
   * R66: another process's participant whose presence was not renewed for this long is removed
   * (its process died without saying so). Stock clients renew every 15 s: lower only in tests.
   */
  CARTON_CLUSTER_PRESENCE_TIMEOUT_MS: int(30_000, 1_000, 3_600_000),
  /** R63: several relay processes fan out through Redis (`redis://[:password@]host:6379`). */
  CARTON_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
});

export type LogLevel = z.infer<typeof EnvSchema>['CARTON_LOG_LEVEL'];

/**
 * Every limit the server enforces: the transport's and the images' own, plus the ones each
 * guard takes (messages, boards' connections, per-IP), declared beside the guard that reads them.
 */
export interface ServerLimits extends MessageLimits, BoardGuardLimits, PreAuthLimits {
  maxMessageBytes: number;
  maxFragments: number;
  maxBufferedBytes: number;
  maxBodyBytes: number;
  maxImageBytes: number;
  maxForumImageBytes: number;
}

/** R59, R60: the PostgreSQL database; the URL may hold a password. */
export interface DatabaseConfig {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  dataDir: string;
  /** R59: PostgreSQL instead of the SQLite file in dataDir; the URL may hold a password. */
  database: DatabaseConfig | null;
  webDir: string | null;
  logLevel: LogLevel;
  limits: ServerLimits;
  allowedOrigins: string[];
  /** R33b: host names the server answers to besides its addresses, localhost and the public URL's. */
  allowedHosts: string[];
  /** R63: the Redis bus between relay processes, or null (a single process). Never logged. */
  redisUrl: string | null;
  /** R66: how long another process's participant's presence lasts unrenewed. */
  clusterPresenceTimeoutMs: number;
  /** How long requests may take to send their bodies: archive uploads, and the rest. */
  uploads: { timeoutMs: number; stallMs: number; bodyTimeoutMs: number };
  /** Most pixels of a board's PNG in a forum archive. */
  archivePngMaxPixels: number;
  rooms: {
    unloadMs: number;
    compactUpdates: number;
    compactBytes: number;
    compactIntervalMs: number;
    keepaliveMs: number;
    autoSnapshotMs: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => {
        const key = String(issue.path[0] ?? '');
        const given = present[key];
        // The value as typed (never a URL that may hold a password), then what it must be.
        const shown = given === undefined || SECRET_VARIABLES.has(key) ? key : `${key}=${given}`;
        return `${shown}: ${issue.message}`;
      })
      .join('; ');
    throw new ConfigError(
      `Invalid configuration: ${detail} (every variable: apps/server/SPEC.md, Configuration)`,
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.CARTON_PUBLIC_URL ?? null,
    dataDir: resolve(e.CARTON_DATA_DIR),
    database: e.CARTON_DATABASE_URL
      ? {
          url: e.CARTON_DATABASE_URL,
          poolSize: e.CARTON_DATABASE_POOL,
          statementTimeoutMs: e.CARTON_DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : null,
    webDir: e.CARTON_WEB_DIR ? resolve(e.CARTON_WEB_DIR) : null,
    redisUrl: e.CARTON_REDIS_URL ?? null,
    clusterPresenceTimeoutMs: e.CARTON_CLUSTER_PRESENCE_TIMEOUT_MS,
    uploads: {
      timeoutMs: e.CARTON_UPLOAD_TIMEOUT_MS,
      stallMs: e.CARTON_UPLOAD_STALL_MS,
      bodyTimeoutMs: e.CARTON_BODY_TIMEOUT_MS,
    },
    archivePngMaxPixels: e.CARTON_ARCHIVE_PNG_MAX_PIXELS,
    logLevel: e.CARTON_LOG_LEVEL,
    limits: {
      maxMessageBytes: e.CARTON_MAX_MESSAGE_BYTES,
      maxFragments: e.CARTON_MAX_FRAGMENTS,
      maxBufferedBytes: e.CARTON_MAX_BUFFERED_BYTES,
      maxBodyBytes: e.CARTON_MAX_BODY_BYTES,
      updatesPerSecond: e.CARTON_UPDATES_PER_SECOND,
      updateBurst: e.CARTON_UPDATE_BURST,
      maxUpdateBytes: e.CARTON_MAX_UPDATE_BYTES,
      maxSyncBytes: e.CARTON_MAX_SYNC_BYTES,
      awarenessPerSecond: e.CARTON_AWARENESS_PER_SECOND,
      awarenessBurst: e.CARTON_AWARENESS_BURST,
      maxAwarenessBytes: e.CARTON_MAX_AWARENESS_BYTES,
      stateRequestsPerMinute: e.CARTON_STATE_REQUESTS_PER_MINUTE,
      stateRequestBurst: e.CARTON_STATE_REQUEST_BURST,
      maxBoardBytes: e.CARTON_MAX_BOARD_BYTES,
      maxConnectionsPerBoard: e.CARTON_MAX_CONNECTIONS_PER_BOARD,
      joinsPerSecondPerBoard: e.CARTON_JOINS_PER_SECOND_PER_BOARD,
      joinBurstPerBoard: e.CARTON_JOIN_BURST_PER_BOARD,
      maxConnectionsPerIp: e.CARTON_MAX_CONNECTIONS_PER_IP,
      upgradesPerSecondPerIp: e.CARTON_UPGRADES_PER_SECOND_PER_IP,
      upgradeBurstPerIp: e.CARTON_UPGRADE_BURST_PER_IP,
      badTokensPerMinutePerIp: e.CARTON_BAD_TOKENS_PER_MINUTE_PER_IP,
      badTokenBurstPerIp: e.CARTON_BAD_TOKEN_BURST_PER_IP,
      forumsPerHourPerIp: e.CARTON_FORUMS_PER_HOUR_PER_IP,
      forumBurstPerIp: e.CARTON_FORUM_BURST_PER_IP,
      maxImageBytes: e.CARTON_MAX_IMAGE_BYTES,
      maxForumImageBytes: e.CARTON_MAX_FORUM_IMAGE_BYTES,
    },
    allowedOrigins: e.CARTON_ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    allowedHosts: e.CARTON_ALLOWED_HOSTS,
    rooms: {
      unloadMs: e.CARTON_ROOM_UNLOAD_MS,
      compactUpdates: e.CARTON_COMPACT_UPDATES,
      compactBytes: e.CARTON_COMPACT_BYTES,
      compactIntervalMs: e.CARTON_COMPACT_INTERVAL_MS,
      keepaliveMs: e.CARTON_KEEPALIVE_MS,
      autoSnapshotMs: e.CARTON_AUTO_SNAPSHOT_MS,
    },
  };
}
