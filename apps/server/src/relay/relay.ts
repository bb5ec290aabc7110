import type * as Y from 'yjs';
import type { Serialise } from '../cluster/change-lock.ts';
import type { Logger } from '../log.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { RecentStoredDocs } from '../storage/stored-doc.ts';
import { Connection, type ConnectionAccess } from './connection.ts';
import { createMetrics, type RelayMetrics } from './metrics.ts';
import { CloseCode, KEEPALIVE_FRAME, MESSAGE_AWARENESS } from './protocol.ts';
import { Room } from './room.ts';
export { BoardNotStoredError } from './room-persistence.ts';
import type { RoomBus } from './room-bus.ts';
import type { WebSocketLike } from './websocket-like.ts';

/** Board ids the relay accepts; anything else is refused before any work (R17). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Rooms: a board id, or `forum:<forumId>` for a forum's document (F1). */
export const ROOM_ID_PATTERN = /^(?:forum:)?[A-Za-z0-9_-]{1,64}$/;

/**
 * What the upgrade knows about a connection beyond its access, for later decisions: which
 * token opened it (SHA-256, hex; L3 closes the connections of a revoked link) and whether its
 * presence is dropped (F2: non-facilitators on a forum room).
 */
export interface ConnectionTags {
  readonly tokenHash?: string;
  readonly forumId?: string;
  readonly dropAwareness?: boolean;
}

/** Why the admission hook refused a message: the close code and reason sent to that client. */
export interface MessageRefusal {
  code: number;
  reason: string;
}

/**
 * Hook for per-connection budgets (R16; the limits live in src/limits/). Return true to let the
 * message through; 'drop' to ignore it now (the connection stays); false closes the connection
 * with RATE_LIMITED (4529), a refusal with its own code and reason. Called before the room sees
 * the frame; it must not keep `data`, but may hand the room a copy later through `deliver`
 * (R29: presence held back by its budget arrives once the budget allows). `forget` is called
 * when the connection closes: whatever the hook holds for it is discarded.
 */
export interface AdmitMessage {
  (
    connection: Connection,
    data: Uint8Array,
    deliver?: (data: Uint8Array) => void,
  ): boolean | 'drop' | MessageRefusal;
  forget?(connection: Connection): void;
}

export interface RelayOptions {
  storage: BoardStorage;
  log: Logger;
  maxBufferedBytes: number;
  roomUnloadMs: number;
  compactUpdates: number;
  compactBytes: number;
  compactIntervalMs: number;
  keepaliveMs: number;
  admitMessage?: AdmitMessage;
  /** Several relay processes serve the same boards (R63–R67); absent in a single process. */
  bus?: RoomBus | null;
  /** With several processes, their shared lock for changeBoardAlone (cluster/change-lock.ts). */
  serialise?: Serialise | null;
}

/** All rooms of the process, keyed by board id. Knows nothing of HTTP or `ws`. */
export class Relay {
  readonly metrics: RelayMetrics = createMetrics();
  readonly #rooms = new Map<string, Room>();
  /** Rooms being flushed after unload; a new room for the same board waits for them. */
  readonly #closing = new Map<string, Promise<void>>();
  readonly #unloadTimers = new Map<Room, ReturnType<typeof setTimeout>>();
  readonly #tags = new WeakMap<Connection, ConnectionTags>();
  readonly #options: RelayOptions;
  readonly #storedDocs: RecentStoredDocs;
  readonly #log: Logger;
  readonly #keepalive: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#storedDocs = new RecentStoredDocs(options.storage);
    this.#log = options.log;
    this.#keepalive = setInterval(
      () => this.#sendKeepalives(),
      Math.max(50, Math.floor(options.keepaliveMs / 3)),
    );
    this.#keepalive.unref();
  }

  /** Number of loaded rooms (for tests and health). */
  get roomCount(): number {
    return this.#rooms.size;
  }

  /** Presence states the loaded rooms remember, live or removed (GET /metrics). */
  get presenceStates(): number {
    let count = 0;
    for (const room of this.#rooms.values()) count += room.awareness.remembered;
    return count;
  }

  isLoaded(boardId: string): boolean {
    return this.#rooms.get(boardId)?.state === 'ready';
  }

  /** Attaches an accepted socket to its board's room. The access was checked at the upgrade. */
  connect(socket: WebSocketLike, access: ConnectionAccess, tags: ConnectionTags = {}): Connection {
    if (!ROOM_ID_PATTERN.test(access.boardId)) throw new Error('invalid board id');
    const connection = new Connection(socket, access, {
      maxBufferedBytes: this.#options.maxBufferedBytes,
      metrics: this.metrics,
      log: this.#log,
    });
    this.metrics.connectionsOpened++;
    this.#tags.set(connection, tags);
    if (this.#closed) {
      connection.close(CloseCode.GOING_AWAY, 'server shutting down');
      return connection;
    }
    const room = this.#roomFor(access.boardId);
    const admit = this.#options.admitMessage;
    // R29: a frame the admission held back reaches the room later (ignored once closed).
    const deliverLater = (data: Uint8Array) => room.receive(connection, data);
    // An error handler on every socket: errors are logged, and close follows.
    socket.onError((error) => {
      this.#log.warn('socket_error', { connection: connection.id, error });
    });
    socket.onMessage((data, isBinary) => {
      // Closed (a limit, a malformed frame): frames already on the wire reach neither the
      // admission (one warning and one count per frame of a flood; updates counted toward
      // R30 though never applied) nor the room.
      if (!connection.isOpen) return;
      if (!isBinary) {
        this.metrics.malformedMessages++;
        connection.close(CloseCode.UNSUPPORTED_DATA, 'binary frames only');
        return;
      }
      // F2: presence of a read-only member of a forum room is dropped (only facilitators steer).
      if (tags.dropAwareness && data[0] === MESSAGE_AWARENESS) {
        this.metrics.awarenessDropped++;
        return;
      }
      if (admit) {
        const admitted = admit(connection, data, deliverLater);
        if (admitted === 'drop') return;
        if (admitted !== true) {
          this.metrics.rateLimitedClosed++;
          const refusal = admitted || { code: CloseCode.RATE_LIMITED, reason: 'rate limited' };
          connection.close(refusal.code, refusal.reason);
          return;
        }
      }
      room.receive(connection, data);
    });
    socket.onClose(() => {
      this.metrics.connectionsClosed++;
      admit?.forget?.(connection);
      room.leave(connection);
    });
    room.join(connection);
    return connection;
  }

  #roomFor(boardId: string): Room {
    const existing = this.#rooms.get(boardId);
    if (existing) {
      this.#cancelUnload(existing);
      return existing;
    }
    const options = this.#options;
    const room = new Room(
      boardId,
      {
        storage: options.storage,
        metrics: this.metrics,
        log: this.#log,
        compactUpdates: options.compactUpdates,
        compactBytes: options.compactBytes,
        compactIntervalMs: options.compactIntervalMs,
        onEmpty: (empty) => this.#onRoomEmpty(empty),
        bus: options.bus ?? null,
      },
      this.#closing.get(boardId),
    );
    this.#rooms.set(boardId, room);
    return room;
  }

  /** R8: a room unloads some time after its last client left, once its writes are flushed. */
  #onRoomEmpty(room: Room): void {
    if (room.state === 'closed') {
      // Failed room: forget it now so the next client gets a fresh one.
      if (this.#rooms.get(room.boardId) === room) this.#rooms.delete(room.boardId);
      this.#cancelUnload(room);
      return;
    }
    if (this.#closed || this.#unloadTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(room);
      if (room.isEmpty) void this.#unload(room);
    }, this.#options.roomUnloadMs);
    timer.unref();
    this.#unloadTimers.set(room, timer);
  }

  #cancelUnload(room: Room): void {
    const timer = this.#unloadTimers.get(room);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(room);
  }

  async #unload(room: Room): Promise<void> {
    if (this.#rooms.get(room.boardId) !== room) return;
    this.#rooms.delete(room.boardId);
    const previous = this.#closing.get(room.boardId) ?? Promise.resolve();
    const done = previous.then(() => room.loaded).then(() => room.close());
    this.#closing.set(room.boardId, done);
    await done;
    if (this.#closing.get(room.boardId) === done) this.#closing.delete(room.boardId);
    this.#log.debug('room_unloaded', { board: room.boardId });
  }

  /**
   * Runs `read` on the board's current doc: the live room's if loaded (R19), else one rebuilt
   * from storage (kept a few seconds while storage is unchanged, RecentStoredDocs).
   */
  async withBoardDoc<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.#rooms.get(boardId);
    if (live?.state === 'ready') return read(live.doc);
    const closing = this.#closing.get(boardId);
    if (closing) await closing;
    return this.#storedDocs.read(boardId, read);
  }

  /**
   * Changes a board's document on the server's behalf (a restore, a rename, a copy, an import,
   * the forum document): on the live room's doc, loading the room if needed, so the change is
   * stored and broadcast like any update (R5). Resolves true only once the update it made is
   * appended (PostgreSQL: committed) — or at once if it changed nothing; false if the room
   * failed to load (nothing was changed); rejects with BoardNotStoredError if that append
   * fails or the room stops first (R6: the change is then not on the board). Throws what
   * `change` throws. A room loaded only for this unloads as usual.
   */
  async changeBoard(boardId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.#closed || !ROOM_ID_PATTERN.test(boardId)) return false;
    const room = this.#roomFor(boardId);
    await room.loaded;
    if (room.state !== 'ready' || this.#rooms.get(boardId) !== room) return false;
    let stored: Promise<void>;
    try {
      stored = room.changeFromServer(change);
    } finally {
      if (room.isEmpty) this.#onRoomEmpty(room);
    }
    await stored;
    return true;
  }

  /**
   * changeBoard for a change that checks what every process wrote (R63: PUT /compilation's
   * limits): with several processes, under their shared lock (`serialise`), the room first
   * merges what storage holds — another process's change, committed, may not have come by the
   * bus yet — and the lock is let go once this change is stored. One process: changeBoard.
   */
  async changeBoardAlone(boardId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const serialise = this.#options.serialise;
    if (!serialise) return this.changeBoard(boardId, change);
    return serialise(boardId, async () => {
      if (this.#closed || !ROOM_ID_PATTERN.test(boardId)) return false;
      const room = this.#roomFor(boardId);
      await room.loaded;
      if (room.state === 'ready' && this.#rooms.get(boardId) === room) await room.catchUp();
      return this.changeBoard(boardId, change);
    });
  }

  /**
   * Closes every open connection whose tags match (L3: the connections of a revoked link).
   * Returns how many were closed. With several processes, the others check their own
   * connections' access again (R67) unless `announce` is false (that check itself).
   */
  closeWhere(
    predicate: (tags: ConnectionTags, connection: Connection) => boolean,
    code: number,
    reason: string,
    { announce = true }: { announce?: boolean } = {},
  ): number {
    if (announce) this.#options.bus?.accessChanged(code, reason);
    const matching: Connection[] = [];
    for (const room of this.#rooms.values()) {
      for (const connection of room.connections) {
        if (connection.isOpen && predicate(this.#tags.get(connection) ?? {}, connection)) {
          matching.push(connection);
        }
      }
    }
    // Closed after the walk: a close may take the connection out of its room's set.
    for (const connection of matching) connection.close(code, reason);
    return matching.length;
  }

  /** Visits every open connection with its tags (R67: access checked again). */
  forEachConnection(visit: (tags: ConnectionTags, connection: Connection) => void): void {
    for (const room of this.#rooms.values()) {
      for (const connection of room.connections) {
        if (connection.isOpen) visit(this.#tags.get(connection) ?? {}, connection);
      }
    }
  }

  #sendKeepalives(): void {
    const idleSince = Date.now() - this.#options.keepaliveMs;
    for (const room of this.#rooms.values()) {
      if (room.state !== 'ready') continue;
      for (const connection of room.connections) {
        if (connection.lastSentAt <= idleSince) connection.send(KEEPALIVE_FRAME);
      }
    }
  }

  /** Shutdown: close every connection, flush every room (R8). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#storedDocs.clear();
    clearInterval(this.#keepalive);
    for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
    this.#unloadTimers.clear();
    const rooms = [...this.#rooms.values()];
    this.#rooms.clear();
    await Promise.all([
      ...rooms.map((room) =>
        room.loaded.then(() => room.close(CloseCode.GOING_AWAY, 'server shutting down')),
      ),
      ...this.#closing.values(),
    ]);
  }
}
