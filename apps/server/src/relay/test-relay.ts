// Test support for the relay's unit tests only: production code never imports this file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { silentLogger } from '../log.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { MemoryNetwork } from './memory-socket.ts';
import { AWARENESS_TICK, DOC_BATCH } from './protocol.ts';
import { Relay, type RelayOptions } from './relay.ts';
import { TestClient } from './test-client.ts';

/**
 * Relay options for a unit test: a generous send buffer, and unload, compaction and keepalive
 * timers long enough never to fire during a test unless `overrides` asks for them.
 */
export function testRelayOptions(
  storage: BoardStorage,
  overrides: Partial<RelayOptions> = {},
): RelayOptions {
  return {
    storage,
    log: silentLogger,
    maxBufferedBytes: 1 << 20,
    roomUnloadMs: 60_000,
    compactUpdates: 1000,
    compactBytes: 1 << 24,
    compactIntervalMs: 60_000,
    keepaliveMs: 60_000,
    ...overrides,
  };
}

/**
 * Awareness is coalesced per tick and updates batched (R10, R51); 0 = within one event-loop
 * turn, so network.idle() sees every send.
 */
export function batchWithinOneTurn(): void {
  AWARENESS_TICK.ms = 0;
  Object.assign(DOC_BATCH, { ms: 0, busyMs: 0, crowdedMs: 0 });
}

/**
 * One test's relay world: a real SQLite board storage in a fresh temporary folder, an in-memory
 * network, and the relays and clients made through it, all released by `close()`.
 */
export class RelayTestBed {
  readonly dir: string;
  readonly storage: SqliteBoardStorage;
  readonly network: MemoryNetwork;
  readonly #relays: Relay[] = [];
  readonly #clients: TestClient[] = [];

  /** `prefix` names the temporary folder, e.g. 'carton-relay-'. */
  constructor(prefix: string, network: MemoryNetwork = new MemoryNetwork()) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.storage = new SqliteBoardStorage(openDatabase(this.dir));
    this.network = network;
  }

  /** A relay over this bed's storage (or `overrides.storage`), closed by `close()`. */
  relay(overrides: Partial<RelayOptions> = {}): Relay {
    const relay = new Relay(testRelayOptions(this.storage, overrides));
    this.#relays.push(relay);
    return relay;
  }

  /** A client connected to `relay` over this bed's network, destroyed by `close()`. */
  client(relay: Relay, boardId: string, canWrite = true, doc?: Y.Doc): TestClient {
    const client = new TestClient(relay, this.network, boardId, canWrite, doc);
    this.#clients.push(client);
    return client;
  }

  /** Clients first (their awareness timers), then relays (they flush), then storage and folder. */
  async close(): Promise<void> {
    for (const client of this.#clients.splice(0)) client.destroy();
    for (const relay of this.#relays.splice(0)) await relay.close();
    await this.storage.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
