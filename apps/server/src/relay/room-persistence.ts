import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { BoardStorage, StoredBoard } from '../storage/board-storage.ts';
import { isReportedStorageFailure } from '../storage/storage-health.ts';
import type { Connection } from './connection.ts';
import type { RelayMetrics } from './metrics.ts';
import {
  batchWindowMs,
  DEHYDRATE,
  DOC_BATCH,
  MESSAGE_SYNC,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './protocol.ts';
import { BoardNotStoredError, settle, type StoredWaiter } from './stored-waiters.ts';

export { BoardNotStoredError } from './stored-waiters.ts';

/** Origin of the transaction that replays stored state: not a new update, never re-stored. */
const LOAD_ORIGIN = Symbol('carton.load');
/** Origin of the transaction that integrates a batch of clients' updates. */
const BATCH_ORIGIN = Symbol('carton.batch');
/**
 * Origin of another process's update (R63): already stored by that process, so it is only
 * broadcast here, never appended again.
 */
const REMOTE_ORIGIN = Symbol('carton.remote');
/**
 * Origin of a remote update applied while the doc held pending structs (R63): what the doc
 * emits may carry a local client's part that was waiting for it and was never appended, so it
 * takes the local path (appended, published, broadcast). Appending a known part again is
 * harmless: Yjs updates are idempotent.
 */
const REMOTE_RELEASING_ORIGIN = Symbol('carton.remote-releasing');

export interface RoomPersistenceOptions {
  storage: BoardStorage;
  metrics: RelayMetrics;
  log: Logger;
  compactUpdates: number;
  compactBytes: number;
  compactIntervalMs: number;
  /** Sends an encoded frame to every connection but `exclude`. */
  broadcast: (frame: Uint8Array, exclude: Connection | null) => void;
  /** Appending failed: the room must stop (R6). */
  onFailure: () => void;
  /** The stored state was just put into the doc (R52). */
  onHydrated: () => void;
  /** A client's update did not apply: close that connection only (R12). */
  onMalformed: (connection: Connection, bytes: number, error: Error) => void;
  /**
   * Several processes (R63–R67): publishes each update once appended, at the same place it is
   * broadcast. Undefined in a single process.
   */
  publish?: ((update: Uint8Array) => void) | undefined;
  /**
   * Other processes write the same board (R65): compaction first merges the stored state, so
   * it never drops an update whose bus message has not arrived yet.
   */
  shared?: boolean;
}

/**
 * The write path of a room: stored state → doc on load; every update the doc accepts →
 * appended to storage → then broadcast (R5), in order even if storage answers asynchronously
 * (R6); the log compacted into a snapshot off the hot path (R7).
 */
export class RoomPersistence {
  #doc: Y.Doc = new Y.Doc({ gc: true });
  readonly #boardId: string;
  readonly #options: RoomPersistenceOptions;
  /** Pending asynchronous appends, chained so broadcasts keep their order. */
  #writeChain: Promise<void> | null = null;
  #lastSeq = 0;
  #unsavedUpdates = 0;
  #unsavedBytes = 0;
  #changedSinceVersion = false;
  #compactTimer: ReturnType<typeof setTimeout> | null = null;
  #compactSoon: ReturnType<typeof setImmediate> | null = null;
  #compacting: Promise<void> | null = null;
  #disposed = false;
  /**
   * An append failed (R6): the doc holds what storage lacks, so it is never written as a
   * snapshot or version — even by a flush already under way (the room unloading while its
   * last append fails), which would otherwise store the change that was answered as lost.
   */
  #appendFailed = false;
  /** Client updates waiting to be integrated, in arrival order. */
  #incoming: Array<{ connection: Connection; update: Uint8Array }> = [];
  /** The connection whose updates the batch transaction integrates, if only one. */
  #batchSender: Connection | null = null;
  #flushing = false;
  #dehydrateTimer: ReturnType<typeof setTimeout> | null = null;
  #lastChangeAt = 0;
  /** The stored state not yet applied to the doc (R52), or null once hydrated. */
  #unhydrated: Uint8Array | null = null;
  /** Sync step 2 frame of the full state, until the next change (R52). */
  #fullStateFrame: Uint8Array | null = null;
  /** Updates accepted during this event-loop turn, stored and sent together (R5, R51). */
  #batch: Array<{ update: Uint8Array; exclude: Connection | null }> = [];
  #batchImmediate: ReturnType<typeof setImmediate> | null = null;
  #batchTimer: ReturnType<typeof setTimeout> | null = null;
  #lastFlushAt = -Infinity;
  /** The batch window: DOC_BATCH.ms, busyMs or crowdedMs by the last batch's size (R51). */
  #window = DOC_BATCH.ms;
  /**
   * Server-origin changes waiting in the current batch (changeFromServer), settled once it is
   * appended; null when there are none, so a client's batch allocates nothing for them.
   */
  #serverWaiters: StoredWaiter[] | null = null;

  constructor(boardId: string, options: RoomPersistenceOptions) {
    this.#boardId = boardId;
    this.#options = options;
    this.#doc.on('update', this.#onDocUpdate);
  }

  /** The board's doc, with the stored state in it (R52). Do not keep it: R53 replaces it. */
  get doc(): Y.Doc {
    this.hydrate();
    return this.#doc;
  }

  async load(): Promise<void> {
    const stored = await this.#options.storage.load(this.#boardId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length === 1) {
      // R52: a compacted board stays as its stored bytes until something needs the doc; a
      // joiner with an empty doc is answered with these very bytes.
      this.#unhydrated = parts[0]!;
    } else if (parts.length > 1) {
      this.#replay(parts);
    }
    this.#lastSeq = stored.lastSeq;
    if (stored.updates.length > 0) {
      // A log left over (crash, or never compacted): fold it into a snapshot soon.
      this.#unsavedUpdates = stored.updates.length;
      this.#unsavedBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
      this.#scheduleCompaction();
    }
  }

  /** Whether the stored state is in the doc yet (R52). */
  get hydrated(): boolean {
    return this.#unhydrated === null;
  }

  /** Puts the stored state into the doc, if not done yet (R52). Synchronous. */
  hydrate(): void {
    const state = this.#unhydrated;
    if (state === null) return;
    this.#unhydrated = null;
    this.#replay([state]);
    // Until the first change, the stored bytes are the doc's full state.
    this.#fullStateFrame ??= syncFrame(SYNC_STEP_2, state);
    this.#options.onHydrated();
    this.#scheduleDehydrate();
  }

  #replay(parts: Uint8Array[]): void {
    try {
      Y.applyUpdate(this.#doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), LOAD_ORIGIN);
    } catch (error) {
      // One unreadable record must not make the whole board unreachable: replay one by one.
      this.#options.log.error('stored_update_unreadable', { error: error as Error });
      for (const part of parts) {
        try {
          Y.applyUpdate(this.#doc, part, LOAD_ORIGIN);
        } catch (partError) {
          this.#options.log.error('stored_update_skipped', { error: partError as Error });
        }
      }
    }
  }

  /** Notes a change; one timer per board checks for quiet (not one timer per change). */
  #scheduleDehydrate(): void {
    this.#lastChangeAt = performance.now();
    this.#armDehydrate(DEHYDRATE.afterMs);
  }

  #armDehydrate(ms: number): void {
    if (this.#disposed || this.#dehydrateTimer !== null) return;
    this.#dehydrateTimer = setTimeout(() => {
      this.#dehydrateTimer = null;
      const quietFor = performance.now() - this.#lastChangeAt;
      if (quietFor < DEHYDRATE.afterMs) this.#armDehydrate(DEHYDRATE.afterMs - quietFor);
      else this.#dehydrate();
    }, ms);
    this.#dehydrateTimer.unref();
  }

  /**
   * R53: a board quiet for DEHYDRATE.afterMs whose state is small enough to decode again
   * quickly is kept as its encoded state, and its doc (many times larger) is freed.
   */
  #dehydrate(): void {
    if (this.#disposed || this.#unhydrated !== null) return;
    if (this.#flushing || this.#batch.length > 0 || this.#incoming.length > 0) {
      return this.#scheduleDehydrate();
    }
    if (this.#writeChain !== null || this.#compacting !== null) return this.#scheduleDehydrate();
    const state = Y.encodeStateAsUpdate(this.#doc);
    if (state.byteLength > DEHYDRATE.maxStateBytes) return;
    this.#doc.off('update', this.#onDocUpdate);
    this.#doc.destroy();
    this.#doc = new Y.Doc({ gc: true });
    this.#doc.on('update', this.#onDocUpdate);
    this.#unhydrated = state;
    this.#fullStateFrame = null;
  }

  /** Frees the doc (room closed). */
  destroyDoc(): void {
    this.#doc.destroy();
  }

  /**
   * Sync step 2 for a client with an empty doc: the whole state, encoded once and kept until
   * the next change (R52). Unhydrated, it is the stored snapshot itself, with no decoding.
   */
  fullStateFrame(): Uint8Array {
    this.#flushBatch();
    if (this.#fullStateFrame === null) {
      this.#fullStateFrame = syncFrame(
        SYNC_STEP_2,
        this.#unhydrated ?? Y.encodeStateAsUpdate(this.#doc),
      );
    }
    return this.#fullStateFrame;
  }

  /**
   * Takes a client's update. It is integrated with the other updates of the batch in one
   * transaction (R51); an update that does not apply closes its connection (R12).
   */
  applyFrom(connection: Connection, update: Uint8Array): void {
    this.#incoming.push({ connection, update });
    this.#schedule();
  }

  /**
   * A change made by the server (Relay.changeBoard: a restore, a rename, a copy, an import, the
   * forum document), run on the doc now. Its update joins the current batch like a client's
   * (R51) and is appended, then broadcast; the promise resolves once that append is done (on
   * PostgreSQL: committed) and rejects with BoardNotStoredError if it fails or the room stops
   * before (R6), so an HTTP route never answers success for a change storage lacks. A change
   * that writes nothing resolves at once. Throws what `change` throws.
   */
  changeFromServer(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.#disposed) {
      return Promise.reject(new BoardNotStoredError(this.#boardId, 'room stopped'));
    }
    const doc = this.doc;
    const batch = this.#batch;
    const queued = batch.length;
    change(doc);
    // Nothing joined the batch: the doc did not change, there is nothing to store.
    if (this.#batch === batch && batch.length === queued) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      (this.#serverWaiters ??= []).push({ resolve, reject });
      this.#schedule();
    });
  }

  /**
   * R63: an update another process appended (or the stored state, R67). It is applied to the
   * doc and what the doc did not have yet is broadcast to this room's connections, never
   * appended again (unless it releases pending structs, see REMOTE_RELEASING_ORIGIN).
   */
  applyRemote(update: Uint8Array): void {
    if (this.#disposed) return;
    this.hydrate();
    const store = this.#doc.store;
    const pending = store.pendingStructs !== null || store.pendingDs !== null;
    Y.applyUpdate(this.#doc, update, pending ? REMOTE_RELEASING_ORIGIN : REMOTE_ORIGIN);
  }

  /** R67: merges the board's stored state into the doc (the bus missed messages). */
  async catchUp(): Promise<void> {
    const stored = await this.#options.storage.load(this.#boardId);
    this.#mergeStored(stored);
  }

  #mergeStored(stored: StoredBoard): void {
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length === 0 || this.#disposed) return;
    // Dehydrated and nothing new in storage: no need to decode (R53).
    if (parts.length === 1 && this.#unhydrated !== null && sameBytes(parts[0]!, this.#unhydrated)) {
      return;
    }
    this.applyRemote(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  }

  readonly #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN || this.#disposed) return;
    this.#fullStateFrame = null;
    if (origin === REMOTE_ORIGIN) {
      // Stored by another process: to this room's connections only, encoded once.
      this.#options.broadcast(syncFrame(SYNC_UPDATE, update), null);
      this.#scheduleDehydrate();
      return;
    }
    this.#batch.push({ update, exclude: origin === BATCH_ORIGIN ? this.#batchSender : null });
    this.#schedule();
  };

  #schedule(): void {
    if (this.#flushing || this.#batchImmediate !== null || this.#batchTimer !== null) return;
    const wait = this.#lastFlushAt + this.#window - performance.now();
    if (wait <= 0) {
      // A quiet board: sent at the end of this event-loop turn, no added delay.
      this.#batchImmediate = setImmediate(() => this.#flushBatch());
    } else {
      // A busy board: at most one transaction, one append and one frame per DOC_BATCH.ms.
      this.#batchTimer = setTimeout(() => this.#flushBatch(), wait);
    }
  }

  /**
   * Integrates the clients' updates in one transaction: Yjs' per-transaction cost (cleanup,
   * observers, encoding the emitted update) is paid once per batch, and nothing is merged. An
   * update that does not apply closes its connection only (R12).
   */
  #integrate(): void {
    const incoming = this.#incoming;
    // Many updates per batch: a busy room with several writers, where fewer, larger batches
    // pay; one gesture (one update per frame) keeps the short window.
    this.#window = batchWindowMs(incoming.length);
    if (incoming.length === 0) return;
    this.#incoming = [];
    this.hydrate();
    const store = this.#doc.store;
    const first = incoming[0]!.connection;
    const oneSender = incoming.every((entry) => entry.connection === first);
    // With pending structs, what the doc emits may carry other clients' parts: sent to all (R4).
    this.#batchSender =
      oneSender && store.pendingStructs === null && store.pendingDs === null ? first : null;
    try {
      this.#doc.transact(() => {
        for (const { connection, update } of incoming) {
          try {
            Y.applyUpdate(this.#doc, update, BATCH_ORIGIN);
            this.#options.metrics.updatesApplied++;
          } catch (error) {
            this.#options.onMalformed(connection, update.byteLength, error as Error);
          }
        }
      }, BATCH_ORIGIN);
    } finally {
      this.#batchSender = null;
    }
  }

  /**
   * R51: the updates of one batch are merged, appended once (one SQLite commit) and sent as one
   * frame, the same bytes to every receiver. A batch from a single sender is not echoed to it
   * (R4); a batch mixing senders goes to everyone (Yjs ignores a sender's own part).
   */
  #flushBatch(): void {
    if (this.#batchImmediate !== null) clearImmediate(this.#batchImmediate);
    if (this.#batchTimer !== null) clearTimeout(this.#batchTimer);
    this.#batchImmediate = null;
    this.#batchTimer = null;
    if (this.#disposed || this.#flushing) return;
    this.#flushing = true;
    // Server-origin changes in this batch (null for clients' batches): settled by its append.
    const waiters = this.#serverWaiters;
    this.#serverWaiters = null;
    try {
      this.#integrate();
      const batch = this.#batch;
      if (batch.length === 0) {
        if (waiters !== null) settle(waiters, null);
        return;
      }
      this.#batch = [];
      this.#lastFlushAt = performance.now();
      const update =
        batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
      const sender = batch[0]!.exclude;
      const exclude = batch.every((entry) => entry.exclude === sender) ? sender : null;
      this.#persistThenBroadcast(update, syncFrame(SYNC_UPDATE, update), exclude, waiters);
      this.#scheduleDehydrate();
    } catch (error) {
      this.#options.log.error('update_handler_failed', { error: error as Error });
      if (waiters !== null) settle(waiters, this.#notStored('update failed', error));
      this.#options.onFailure();
    } finally {
      this.#flushing = false;
    }
  }

  #persistThenBroadcast(
    update: Uint8Array,
    frame: Uint8Array,
    exclude: Connection | null,
    waiters: StoredWaiter[] | null,
  ): void {
    let stored: number | Promise<number>;
    try {
      stored = this.#options.storage.append(this.#boardId, update);
    } catch (error) {
      this.#appendFailed = true;
      this.#logFailure('append_failed', error);
      if (waiters !== null) settle(waiters, this.#notStored('append failed', error));
      this.#options.onFailure();
      return;
    }
    // Fast path (SQLite): stored synchronously, broadcast now.
    if (typeof stored === 'number' && this.#writeChain === null) {
      this.#appended(stored, update.byteLength);
      if (waiters !== null) settle(waiters, null); // stored, whatever the sends do
      this.#options.broadcast(frame, exclude);
      this.#options.publish?.(update);
      return;
    }
    // Asynchronous storage: broadcast after this append, and after every earlier one.
    const appended = Promise.resolve(stored);
    appended.catch(() => {}); // handled in the chain below; avoids an early unhandled rejection
    const previous = this.#writeChain ?? Promise.resolve();
    const next = previous
      .then(() => appended)
      .then(
        (seq) => {
          // Appended (committed): the server's change is in storage whatever follows.
          if (waiters !== null) settle(waiters, null);
          if (this.#disposed) return;
          this.#appended(seq, update.byteLength);
          this.#options.broadcast(frame, exclude);
          this.#options.publish?.(update);
        },
        (error: unknown) => {
          this.#appendFailed = true;
          this.#logFailure('append_failed', error);
          if (waiters !== null) settle(waiters, this.#notStored('append failed', error));
          this.#options.onFailure();
        },
      );
    this.#writeChain = next;
    void next.then(() => {
      if (this.#writeChain === next) this.#writeChain = null;
    });
  }

  /**
   * R69: a failure storage already reported (the disk is full) is not logged again at error
   * level: each retrying client reopens the room and fails again, several times a second.
   */
  #logFailure(event: string, error: unknown): void {
    const level = isReportedStorageFailure(error) ? 'debug' : 'error';
    this.#options.log[level](event, { error: error as Error });
  }

  #notStored(reason: string, cause: unknown): BoardNotStoredError {
    return new BoardNotStoredError(this.#boardId, reason, { cause });
  }

  #appended(seq: number, bytes: number): void {
    this.#lastSeq = seq;
    this.#unsavedUpdates++;
    this.#unsavedBytes += bytes;
    this.#changedSinceVersion = true;
    this.#options.metrics.updatesAppended++;
    this.#options.metrics.bytesAppended += bytes;
    this.#scheduleCompaction();
  }

  #scheduleCompaction(): void {
    if (this.#disposed) return;
    const { compactUpdates, compactBytes, compactIntervalMs } = this.#options;
    if (this.#unsavedUpdates >= compactUpdates || this.#unsavedBytes >= compactBytes) {
      // Off the hot path: after the current message and its broadcast are done.
      if (this.#compactSoon === null) {
        this.#compactSoon = setImmediate(() => {
          this.#compactSoon = null;
          void this.compact();
        });
      }
    } else if (this.#compactTimer === null) {
      this.#compactTimer = setTimeout(() => {
        this.#compactTimer = null;
        void this.compact();
      }, compactIntervalMs);
      this.#compactTimer.unref();
    }
  }

  /** Folds the update log into a snapshot (R7). Never throws: a failed compaction keeps the log. */
  compact(): Promise<void> {
    this.#flushBatch();
    if (this.#compacting) return this.#compacting;
    if (this.#compactTimer) clearTimeout(this.#compactTimer);
    this.#compactTimer = null;
    this.#compacting = this.#runCompaction().finally(() => {
      this.#compacting = null;
    });
    return this.#compacting;
  }

  async #runCompaction(): Promise<void> {
    try {
      if (this.#writeChain) await this.#writeChain;
      if (this.#unsavedUpdates === 0 || this.#appendFailed) return;
      let upToSeq = this.#lastSeq;
      const updates = this.#unsavedUpdates;
      const bytes = this.#unsavedBytes;
      if (this.#options.shared) {
        // R65: another process may have appended updates this doc has not received yet (their
        // bus message in flight): the stored state up to its last sequence number is merged
        // into the doc first, so the snapshot holds every update it replaces.
        const stored = await this.#options.storage.load(this.#boardId);
        this.#mergeStored(stored);
        this.#flushBatch();
        if (this.#writeChain) await this.#writeChain;
        if (this.#disposed || this.#appendFailed) return;
        upToSeq = stored.lastSeq;
      }
      // Dehydrated (R53), the kept bytes are the full state.
      const snapshot = this.#unhydrated ?? Y.encodeStateAsUpdate(this.#doc);
      await this.#options.storage.compact(this.#boardId, snapshot, upToSeq);
      this.#unsavedUpdates -= updates;
      this.#unsavedBytes -= bytes;
      this.#options.metrics.compactions++;
      this.#options.log.debug('compacted', {
        upToSeq,
        updates,
        snapshotBytes: snapshot.byteLength,
      });
    } catch (error) {
      this.#logFailure('compaction_failed', error);
    }
  }

  /** Waits for pending appends, compacts, and keeps an auto version if anything changed. */
  async flush(options: { keepVersion: boolean }): Promise<void> {
    this.#flushBatch();
    if (this.#writeChain) await this.#writeChain;
    if (this.#compacting) await this.#compacting;
    // R6: after a failed append the doc is not what storage holds: nothing more is written.
    if (this.#appendFailed) return;
    await this.compact();
    if (options.keepVersion && this.#changedSinceVersion && !this.#appendFailed) {
      this.#changedSinceVersion = false;
      const state = this.#unhydrated ?? Y.encodeStateAsUpdate(this.#doc);
      await this.#options.storage.saveSnapshot(this.#boardId, state, { kind: 'auto' });
    }
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#dehydrateTimer) clearTimeout(this.#dehydrateTimer);
    this.#dehydrateTimer = null;
    if (this.#batchImmediate) clearImmediate(this.#batchImmediate);
    if (this.#batchTimer) clearTimeout(this.#batchTimer);
    this.#batchImmediate = null;
    this.#batchTimer = null;
    this.#batch = [];
    this.#incoming = [];
    // The batch is dropped with the room (R6): its server-origin changes were never stored.
    const waiters = this.#serverWaiters;
    this.#serverWaiters = null;
    if (waiters !== null) settle(waiters, new BoardNotStoredError(this.#boardId, 'room stopped'));
    this.#unhydrated = null;
    this.#fullStateFrame = null;
    if (this.#compactTimer) clearTimeout(this.#compactTimer);
    if (this.#compactSoon) clearImmediate(this.#compactSoon);
    this.#compactTimer = null;
    this.#compactSoon = null;
    this.#doc.off('update', this.#onDocUpdate);
  }
}

/**
 * Message 0 (sync) of a sub-type around a payload: an update (SYNC_UPDATE) or a full state
 * (SYNC_STEP_2), encoded once, the same bytes to every receiver.
 */
function syncFrame(
  syncType: typeof SYNC_STEP_2 | typeof SYNC_UPDATE,
  payload: Uint8Array,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
