import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { Logger } from '../log.ts';
import { isReportedStorageFailure } from '../storage/storage-health.ts';
import type { Connection } from './connection.ts';
import type { RelayMetrics } from './metrics.ts';
import { RoomAwareness } from './awareness.ts';
import {
  AWARENESS_TICK,
  CloseCode,
  KEEPALIVE_FRAME,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './protocol.ts';
import type { RoomBus, RoomChannel } from './room-bus.ts';
import {
  BoardNotStoredError,
  RoomPersistence,
  type RoomPersistenceOptions,
} from './room-persistence.ts';

/** The room hands storage, metrics, log and compaction thresholds to its persistence as is. */
export interface RoomOptions extends Pick<
  RoomPersistenceOptions,
  'storage' | 'metrics' | 'log' | 'compactUpdates' | 'compactBytes' | 'compactIntervalMs'
> {
  /** Called when the last connection left (the relay decides when to unload). */
  onEmpty: (room: Room) => void;
  /** Other relay processes serving the same boards (R63–R67); absent in a single process. */
  bus?: RoomBus | null;
}

/** A bus message that arrived while the room was loading, applied once loaded (R64). */
type RemoteMessage = { kind: 'update' | 'awareness'; data: Uint8Array };

type RoomState = 'loading' | 'ready' | 'closing' | 'closed';

/** Most bytes a room queues while loading (R2); past it the sender is closed with 4529. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;

class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

/**
 * One board's live state: its Y.Doc, its awareness and its connections. Answers the y-websocket
 * protocol (R1–R4), persists every accepted update before broadcasting it (R5) and refuses
 * writes from read-only connections (R9).
 */
export class Room {
  readonly boardId: string;
  /** Writers greeted before the doc was hydrated: sent sync step 1 once it is (R52). */
  readonly #owedStep1 = new Set<Connection>();
  readonly awareness: RoomAwareness;
  readonly connections = new Set<Connection>();
  #state: RoomState = 'loading';
  /** Messages that arrived while the stored state was loading, in arrival order (R2). */
  #queued: Array<[Connection, Uint8Array]> = [];
  #queuedBytes = 0;
  readonly #persistence: RoomPersistence;
  readonly #options: RoomOptions;
  readonly #log: Logger;
  readonly #metrics: RelayMetrics;
  /** This room's channel on the bus (R63), or null in a single process. */
  readonly #channel: RoomChannel | null;
  /** Bus messages received while loading (R64), or whether a resync is owed after loading. */
  #remoteQueue: RemoteMessage[] = [];
  #remoteQueuedBytes = 0;
  #resyncOwed = false;
  #resyncing: Promise<void> | null = null;
  #resyncAgain = false;
  /** Resolves once the stored state is in the doc (or loading failed). */
  readonly loaded: Promise<void>;

  constructor(boardId: string, options: RoomOptions, previous: Promise<void> = Promise.resolve()) {
    this.boardId = boardId;
    this.#options = options;
    this.#log = options.log.child({ board: boardId });
    this.#metrics = options.metrics;
    this.#channel =
      options.bus?.join(boardId, {
        update: (update) => this.#remote('update', update),
        awareness: (update) => this.#remote('awareness', update),
        queryAwareness: () => this.#answerAwarenessQuery(),
        resync: (reason) => this.#resync(reason),
      }) ?? null;
    const channel = this.#channel;
    this.awareness = new RoomAwareness(
      { connections: () => this.connections },
      AWARENESS_TICK.ms,
      channel ? (update) => channel.publishAwareness(update) : undefined,
    );
    this.#persistence = new RoomPersistence(boardId, {
      publish: channel ? (update) => channel.publishUpdate(update) : undefined,
      shared: channel !== null,
      storage: options.storage,
      metrics: options.metrics,
      log: this.#log,
      compactUpdates: options.compactUpdates,
      compactBytes: options.compactBytes,
      compactIntervalMs: options.compactIntervalMs,
      broadcast: (frame, exclude) => this.#broadcast(frame, exclude),
      onFailure: () => this.#failStorage(),
      onHydrated: () => this.#payStep1(),
      onMalformed: (connection, bytes, error) => this.#malformed(connection, bytes, error),
    });
    // Wait for the previous instance of this board to finish flushing before reading it.
    this.loaded = previous.then(() => this.#load());
  }

  /** The board's doc, with its stored state in it (hydrated on first access, R52). */
  get doc(): Y.Doc {
    return this.#persistence.doc;
  }

  get state(): RoomState {
    return this.#state;
  }

  async #load(): Promise<void> {
    try {
      // R64: subscribed before storage is read, so no update falls in between.
      if (this.#channel) await this.#channel.ready;
      await this.#persistence.load();
    } catch (error) {
      // R69: a storage failure `storage_failing` already said is a debug line (each retry).
      this.#log[isReportedStorageFailure(error) ? 'debug' : 'error']('room_load_failed', {
        error: error as Error,
      });
      this.#failStorage();
      return;
    }
    if (this.#state !== 'loading') return;
    this.#state = 'ready';
    this.#metrics.roomsLoaded++;
    for (const connection of this.connections) this.#greet(connection);
    const queued = this.#queued;
    this.#queued = [];
    this.#queuedBytes = 0;
    for (const [connection, data] of queued) {
      if (connection.isOpen) this.receive(connection, data);
      else this.#receiveAfterLeaving(connection, data);
    }
    if (this.#channel) this.#joinedBus();
  }

  /** R64: what the bus brought during the load, then the other processes' presence. */
  #joinedBus(): void {
    const remote = this.#remoteQueue;
    this.#remoteQueue = [];
    this.#remoteQueuedBytes = 0;
    for (const { kind, data } of remote) this.#remote(kind, data);
    if (this.#resyncOwed) this.#resync('reconnected');
    this.#channel?.queryAwareness();
  }

  /** A message from another process (R63, R66): queued while loading, applied once ready. */
  #remote(kind: RemoteMessage['kind'], data: Uint8Array): void {
    if (this.#state === 'loading') {
      // Bounded like R2's queue: past it, everything is read again after the load (storage
      // has the updates; presence is asked for once loaded anyway).
      this.#remoteQueuedBytes += data.byteLength;
      if (this.#remoteQueuedBytes > MAX_QUEUED_BYTES) {
        this.#remoteQueue = [];
        this.#remoteQueuedBytes = 0;
        this.#resyncOwed = true;
        return;
      }
      this.#remoteQueue.push({ kind, data });
      return;
    }
    if (this.#state !== 'ready') return;
    try {
      if (kind === 'update') this.#persistence.applyRemote(data);
      else this.awareness.applyRemote(data);
    } catch (error) {
      // Not a client's frame: nobody to close. What was lost comes back with the next resync.
      this.#log.warn('remote_message_failed', {
        kind,
        bytes: data.byteLength,
        error: error as Error,
      });
    }
  }

  #answerAwarenessQuery(): void {
    if (this.#state !== 'ready') return;
    const presence = this.awareness.localStates();
    if (presence) this.#channel?.publishAwareness(presence);
  }

  /**
   * R67: merges the stored state again — the bus was down (messages lost), or another process
   * published into the void or an update too large for the bus. Coalesced: one run at a time,
   * and one more if asked meanwhile (its read must follow the request).
   */
  #resync(reason: 'reconnected' | 'requested'): void {
    if (this.#state === 'loading') {
      this.#resyncOwed = true;
      return;
    }
    if (this.#state !== 'ready') return;
    if (reason === 'reconnected') this.#channel?.queryAwareness();
    if (this.#resyncing) {
      this.#resyncAgain = true;
      return;
    }
    this.#resyncing = (async () => {
      do {
        this.#resyncAgain = false;
        try {
          await this.#persistence.catchUp();
        } catch (error) {
          this.#log.error('resync_failed', { error: error as Error });
        }
      } while (this.#resyncAgain && this.#state === 'ready');
    })().finally(() => {
      this.#resyncing = null;
    });
  }

  /**
   * Merges what storage holds now (Relay.changeBoardAlone: another process's last change);
   * rejects with BoardNotStoredError if storage cannot be read (the change is not made: 503).
   */
  async catchUp(): Promise<void> {
    if (this.#state !== 'ready') return;
    try {
      await this.#persistence.catchUp();
    } catch (error) {
      throw new BoardNotStoredError(this.boardId, 'storage unreadable', { cause: error });
    }
  }

  /**
   * A server-origin change on the doc (Relay.changeBoard): resolves once stored (R5), rejects
   * with BoardNotStoredError if it cannot be (R6).
   */
  changeFromServer(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.#state !== 'ready') {
      return Promise.reject(new BoardNotStoredError(this.boardId, 'room not ready'));
    }
    return this.#persistence.changeFromServer(change);
  }

  /** Adds a connection; it is greeted once the room is loaded. */
  join(connection: Connection): void {
    this.connections.add(connection);
    if (this.#state === 'ready') this.#greet(connection);
  }

  /**
   * Opening messages (R3): the server's state vector as sync step 1, so the client sends what
   * the server lacks — not to read-only connections, whose answer would be dropped anyway —
   * and the current awareness states.
   */
  #greet(connection: Connection): void {
    if (connection.canWrite) {
      // Unhydrated, the state vector would cost a full decode: owed until the doc is needed,
      // which a client with content makes happen with its own sync step 1 (R52).
      if (this.#persistence.hydrated) this.#sendStep1(connection);
      else this.#owedStep1.add(connection);
    }
    const presence = this.awareness.fullFrame();
    if (presence) connection.send(presence);
  }

  #sendStep1(connection: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.#persistence.doc);
    connection.send(encoding.toUint8Array(encoder));
  }

  #payStep1(): void {
    for (const connection of this.#owedStep1) {
      if (this.connections.has(connection)) this.#sendStep1(connection);
    }
    this.#owedStep1.clear();
  }

  /** Handles one frame from a connection. A bad frame closes that connection only (R12). */
  receive(connection: Connection, data: Uint8Array): void {
    if (!connection.isOpen) return;
    if (this.#state === 'loading') {
      // Bounded: a client cannot pile up memory while the board loads.
      this.#queuedBytes += data.byteLength;
      if (this.#queuedBytes > MAX_QUEUED_BYTES) {
        connection.close(CloseCode.RATE_LIMITED, 'too much data while loading');
        return;
      }
      this.#queued.push([connection, data]);
      return;
    }
    if (this.#state !== 'ready') return;
    try {
      this.#handle(connection, data);
    } catch (error) {
      this.#malformed(connection, data.byteLength, error as Error);
    }
  }

  /**
   * R2: a writer's document update queued during the load, from a connection closed since (its
   * wifi dropped, its tab closed): the relay accepted it, so it is applied and stored. Nothing
   * is answered, and presence from a connection that left is not brought back.
   */
  #receiveAfterLeaving(connection: Connection, data: Uint8Array): void {
    if (!connection.canWrite || data[0] !== MESSAGE_SYNC) return;
    const syncType = data[1];
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return;
    try {
      this.#handle(connection, data);
    } catch (error) {
      this.#malformed(connection, data.byteLength, error as Error); // its close is a no-op now
    }
  }

  /** R12: a frame that does not decode or apply closes that connection only. */
  #malformed(connection: Connection, bytes: number, error: Error): void {
    this.#metrics.malformedMessages++;
    this.#log.warn('malformed_message', { connection: connection.id, bytes, error });
    connection.close(CloseCode.MALFORMED_MESSAGE, 'malformed message');
  }

  #handle(connection: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        if (syncType === SYNC_STEP_1) {
          if (isEmptyStateVector(payload)) {
            // A client with an empty doc: the cached full state (R52).
            connection.sendState(this.#persistence.fullStateFrame());
            return;
          }
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeSyncStep2(encoder, this.doc, payload);
          connection.sendState(encoding.toUint8Array(encoder));
        } else if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
          if (!connection.canWrite) {
            this.#dropReadOnlyUpdate(connection, payload);
            return;
          }
          this.#persistence.applyFrom(connection, payload);
        } else {
          throw new MalformedMessage(`unknown sync message type ${syncType}`);
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        // Coalesced per tick, never back to the sender (R10); owned ids only (R50).
        this.awareness.apply(connection, update);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        expectEnd(decoder);
        // No state known: an update for zero clients (the keepalive's bytes).
        connection.send(this.awareness.fullFrame() ?? KEEPALIVE_FRAME);
        return;
      }
      default:
        throw new MalformedMessage(`unknown message type ${messageType}`);
    }
  }

  /** R9: a read-only connection's document update is never applied, stored or forwarded. */
  #dropReadOnlyUpdate(connection: Connection, update: Uint8Array): void {
    // An empty update (no structs, no deletions) is what any idle client sends: not a write.
    if (isEmptyUpdate(update)) return;
    this.#metrics.viewUpdatesDropped++;
    this.#log.warn('view_update_dropped', {
      connection: connection.id,
      role: connection.role,
      bytes: update.byteLength,
    });
  }

  /** Sends one encoded frame to every connection but `exclude`. */
  #broadcast(frame: Uint8Array, exclude: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== exclude) connection.send(frame);
    }
  }

  /** A socket closed: forget it, and tell the others its presence is gone (R11). */
  leave(connection: Connection): void {
    connection.markClosed();
    if (!this.connections.delete(connection)) return;
    this.#owedStep1.delete(connection);
    if (this.#state !== 'closed') this.awareness.leave(connection);
    if (this.connections.size === 0) this.#options.onEmpty(this);
  }

  /** Whether no client is connected. */
  get isEmpty(): boolean {
    return this.connections.size === 0;
  }

  /** Waits for pending writes, compacts and keeps a version if the board changed (R7, R8). */
  async flush(): Promise<void> {
    await this.#persistence.flush({ keepVersion: true });
  }

  /** Stops the room: closes its connections, flushes storage and frees the doc (R8). */
  async close(code: number = CloseCode.GOING_AWAY, reason = 'room closing'): Promise<void> {
    if (this.#state === 'closing' || this.#state === 'closed') return;
    const wasReady = this.#state === 'ready';
    this.#state = 'closing';
    for (const connection of this.connections) connection.close(code, reason);
    this.#leaveBus();
    try {
      if (wasReady) await this.#persistence.flush({ keepVersion: true });
    } catch (error) {
      this.#log[isReportedStorageFailure(error) ? 'debug' : 'error']('room_flush_failed', {
        error: error as Error,
      });
    } finally {
      this.#persistence.dispose();
      this.awareness.dispose();
      this.#persistence.destroyDoc();
      this.#state = 'closed';
      this.#metrics.roomsUnloaded++;
    }
  }

  /**
   * Leaves the bus: the presence of this room's clients is removed on the other processes
   * first (their sockets close later, when this room no longer relays), then the subscription.
   */
  #leaveBus(): void {
    const channel = this.#channel;
    if (!channel) return;
    const removals = this.awareness.localRemovals();
    if (removals) channel.publishAwareness(removals);
    channel.leave();
    this.#remoteQueue = [];
  }

  /**
   * Storing failed: the doc may now hold what storage lacks. Close every connection and drop
   * the room without compacting; clients reconnect, the room reloads from storage and each
   * client's sync step 2 brings back whatever was lost (R6).
   */
  #failStorage(): void {
    if (this.#state === 'closed' || this.#state === 'closing') return;
    this.#metrics.storageFailures++;
    this.#state = 'closing';
    for (const connection of this.connections) {
      connection.close(CloseCode.STORAGE_FAILURE, 'storage failure');
    }
    this.#leaveBus();
    this.#persistence.dispose();
    this.awareness.dispose();
    this.#state = 'closed';
    this.#metrics.roomsUnloaded++;
    this.#options.onEmpty(this);
    // This may run inside the doc's own transaction (an update handler): free it afterwards.
    setImmediate(() => this.#persistence.destroyDoc());
  }
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after message');
}

/** An update with no structs and an empty delete set: `[0, 0]` in Yjs' v1 encoding. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** A state vector with no clients (`[0]`): the client's doc is empty. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}
