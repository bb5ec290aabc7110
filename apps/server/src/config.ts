import { resolve } from 'node:path';
import { z } from 'zod';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Environment variables must be whole numbers in a range; anything else is a startup error. */
function int(defaultValue: number, min: number, max: number) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

const EnvSchema = z.object({
  PORT: int(8787, 0, 65_535),
  HOST: z.string().min(1).default('localhost'),
  CARTON_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((url) => url?.replace(/\/+$/, '')),
  CARTON_DATA_DIR: z.string().min(1).default('./data'),
  CARTON_WEB_DIR: z.string().min(1).optional(),
  CARTON_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest WebSocket message (after reassembly of fragments). */
  CARTON_MAX_MESSAGE_BYTES: int(2 * MiB, 1 * KiB, 64 * MiB),
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
});

export type LogLevel = z.infer<typeof EnvSchema>['CARTON_LOG_LEVEL'];

export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  dataDir: string;
  webDir: string | null;
  logLevel: LogLevel;
  limits: {
    maxMessageBytes: number;
    maxFragments: number;
    maxBufferedBytes: number;
    maxBodyBytes: number;
  };
  rooms: {
    unloadMs: number;
    compactUpdates: number;
    compactBytes: number;
    compactIntervalMs: number;
    keepaliveMs: number;
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
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.CARTON_PUBLIC_URL ?? null,
    dataDir: resolve(e.CARTON_DATA_DIR),
    webDir: e.CARTON_WEB_DIR ? resolve(e.CARTON_WEB_DIR) : null,
    logLevel: e.CARTON_LOG_LEVEL,
    limits: {
      maxMessageBytes: e.CARTON_MAX_MESSAGE_BYTES,
      maxFragments: e.CARTON_MAX_FRAGMENTS,
      maxBufferedBytes: e.CARTON_MAX_BUFFERED_BYTES,
      maxBodyBytes: e.CARTON_MAX_BODY_BYTES,
    },
    rooms: {
      unloadMs: e.CARTON_ROOM_UNLOAD_MS,
      compactUpdates: e.CARTON_COMPACT_UPDATES,
      compactBytes: e.CARTON_COMPACT_BYTES,
      compactIntervalMs: e.CARTON_COMPACT_INTERVAL_MS,
      keepaliveMs: e.CARTON_KEEPALIVE_MS,
    },
  };
}
