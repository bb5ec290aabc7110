// Shared pieces of the several-relay tests (SPEC R63–R67): a real redis-server, two or three
// built Carton processes on one data directory (SQLite in WAL mode, shared) and one bus, raw
// awareness readers. Each file gets its own Redis and data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import type { Client } from './helpers.ts';

export interface Cluster {
  redis: TestRedis;
  dataDir: string;
  servers: CartonServer[];
  /** Another process on the same data directory and bus. */
  add(env?: Record<string, string>): Promise<CartonServer>;
  dispose(): Promise<void>;
}

export async function startCluster(
  processes: number,
  env: Record<string, string> = {},
  options: { redisPassword?: string } = {},
): Promise<Cluster> {
  const redis = await startRedis(options.redisPassword ? { password: options.redisPassword } : {});
  const dataDir = mkdtempSync(join(tmpdir(), 'carton-cluster-'));
  const servers: CartonServer[] = [];
  const add = async (extra: Record<string, string> = {}) => {
    const server = await startServer({
      dataDir,
      env: { CARTON_REDIS_URL: redis.url, ...env, ...extra },
    });
    servers.push(server);
    return server;
  };
  // One after the other: the first creates the database's tables.
  try {
    for (let i = 0; i < processes; i++) await add();
  } catch (error) {
    // Nothing left running when a process fails to start (the caller gets no cluster).
    for (const server of servers) await server.dispose();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    redis,
    dataDir,
    servers,
    add,
    async dispose() {
      for (const server of servers) await server.dispose();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a file's relays on PostgreSQL hold; call them inside hooks and tests. */
export interface RelaysOnPostgres {
  /** `processes` relays on a new database of the file's PostgreSQL, with `env`; disposed after. */
  start(processes: number, env?: Record<string, string>): Promise<Cluster>;
  /** Keeps `client` to close after the file's tests, before the relays stop. */
  track(client: Client): Client;
  /** Closes the clients tracked so far (the relays killed under them). */
  closeTracked(): void;
}

/**
 * Registers the hooks the several-relay PostgreSQL files share: a throwaway PostgreSQL started
 * before their tests; after them, the tracked clients closed, the relays disposed, PostgreSQL
 * stopped.
 */
export function relaysOnPostgres(): RelaysOnPostgres {
  let postgres: TestPostgres;
  const clusters: Cluster[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  const closeTracked = () => {
    for (const client of clients.splice(0)) client.destroy();
  };
  afterAll(async () => {
    closeTracked();
    for (const cluster of clusters.splice(0)) await cluster.dispose();
    await postgres.stop();
  });

  return {
    async start(processes, env = {}) {
      const url = await postgres.createDatabase();
      const cluster = await startCluster(processes, { CARTON_DATABASE_URL: url, ...env });
      // Every cluster of the file disposed after it (one kept: a second start leaked the first).
      clusters.push(cluster);
      return cluster;
    },
    track(client) {
      clients.push(client);
      return client;
    },
    closeTracked,
  };
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** Decodes an awareness frame (message 1) into its entries; null for any other frame. */
export function awarenessEntries(data: Buffer): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(new Uint8Array(data));
  if (decoding.readVarUint(decoder) !== 1) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: AwarenessEntry[] = [];
  const count = decoding.readVarUint(update);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    const state: unknown = JSON.parse(decoding.readVarString(update));
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** Every awareness entry a raw socket receives, and a wait for one that matches. */
export function recordAwareness(ws: WebSocket) {
  const entries: AwarenessEntry[] = [];
  const listeners = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    const decoded = awarenessEntries(data);
    if (!decoded) return;
    entries.push(...decoded);
    for (const listener of [...listeners]) listener();
  });
  const until = (what: string, match: (entry: AwarenessEntry) => boolean, timeoutMs = 5_000) =>
    new Promise<AwarenessEntry>((resolve, reject) => {
      const check = () => {
        const found = entries.find(match);
        if (!found) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { entries, until };
}

/**
 * A raw socket whose awareness entries are recorded from its very first frame: the greeting
 * may arrive with the handshake's response, and ws emits it before a listener added after
 * `open` (a promise continuation) exists.
 */
export async function openRecordedSocket(
  server: CartonServer,
  boardId: string,
  token: string,
): Promise<{ ws: WebSocket; seen: ReturnType<typeof recordAwareness> }> {
  const ws = new WebSocket(`${server.syncUrl}/${boardId}?token=${encodeURIComponent(token)}`);
  const seen = recordAwareness(ws);
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not open in 5 s')), 5_000);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${response.statusCode}`));
    });
  });
  return { ws, seen };
}

/** Message 1 with one entry: a raw socket announcing its own presence. */
export function presenceFrame(clientId: number, clock: number, state: unknown): Buffer {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return Buffer.from(encoding.toUint8Array(frame));
}
