import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Connection } from './connection.ts';
import { CLUSTER_PRESENCE, MESSAGE_AWARENESS } from './protocol.ts';

/**
 * Most client ids a room learns from the bus (R66): far above any forum's participants, and
 * bounded so a hostile or corrupted bus message cannot grow a room's memory without end.
 * Removed remote states are forgotten after CLUSTER_PRESENCE.timeoutMs (the sweep).
 */
export const MAX_REMOTE_PRESENCE = 10_000;

/** A frame that does not decode or carries a state that is not JSON (the room closes 4400). */
export class MalformedAwareness extends Error {
  override name = 'MalformedAwareness';
}

/**
 * Deepest nesting of objects and arrays a presence state may have (Carton's own go a few levels
 * deep: a cursor, a stroke's points, a shape's preview). The stock y-websocket client re-encodes
 * every state it applies with JSON.stringify, which throws past a few thousand levels: one
 * client's `{"a":[[[[…]]]]}` (10 kB) threw in every stock client of the board, each time.
 */
export const MAX_STATE_DEPTH = 64;

/** Throws unless `text` is JSON nested at most MAX_STATE_DEPTH deep. */
function checkState(text: string): void {
  JSON.parse(text);
  // Valid JSON: brackets outside strings nest properly; only their depth is left to count.
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_STATE_DEPTH) throw new Error('presence state nested too deep');
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** What the room knows of one awareness client id. */
interface Presence {
  clock: number;
  /** The entry as sent on the wire: varUint id, varUint clock, varString state JSON. */
  entry: Uint8Array;
  /**
   * False once the state is null (left, or removed): kept so stale copies stay stale, for
   * REMOVED_PRESENCE_KEPT_MS (the sweep), then forgotten.
   */
  alive: boolean;
  /** The connection that owns this id (R50), or null once it left. */
  owner: Connection | null;
  /**
   * 0 for this process's clients; for another process's (R66), when it was last renewed
   * (performance.now()): a state not renewed for CLUSTER_PRESENCE.timeoutMs is a ghost.
   */
  remoteAt: number;
  /** When this process's client left (performance.now()); 0 while alive, or for another's. */
  goneAt: number;
}

/**
 * How long a local client's removal is remembered. Stale copies of its state (the stock client
 * re-sends every state it applies, and a remote state it timed out as a removal, 30 s after
 * the state's last renewal) arrive within this; afterwards nothing speaks for the id, and an
 * id the room does not know can only be claimed by its owner (R50). Without it, a room open all
 * day kept every client id that ever joined (a phone locking and reconnecting, a reload: a new
 * id each time), and each join walked them all.
 */
export const REMOVED_PRESENCE_KEPT_MS = 60_000;

/** Sends the frames of one tick; given the room's connections. */
export interface AwarenessSink {
  connections(): Iterable<Connection>;
}

/**
 * A room's presence (cursors, selections, strokes in progress), without y-protocols' Awareness:
 * states are kept as the bytes received, never re-encoded, and never parsed twice.
 *
 * R10 — Coalescing: changes are merged per client id (latest state wins) and sent at most once
 * per tick (`tickMs`) as ONE awareness update — leading edge when the room sent nothing for a
 * tick (end of this turn), else trailing at the tick boundary — the same bytes to every
 * connection, except that a connection never receives its own entries: a connection that
 * changed something this tick gets the same update without its entry. Stale entries (a clock the room already has — the stock
 * client re-broadcasts every update it applies) change nothing and are never forwarded.
 *
 * R50 — Ownership: the first client id a connection announces (a state newer than the room's)
 * becomes its own; entries for other ids from that connection are dropped. A newer state for an
 * owned id from a connection that owns none (a client reconnecting with its id) takes it over,
 * and the old connection's claim ends: its close no longer removes that state.
 */
export class RoomAwareness {
  readonly #presence = new Map<number, Presence>();
  readonly #owned = new Map<Connection, number>();
  /** Ids changed since the last tick, in order. */
  readonly #pending = new Set<number>();
  readonly #sink: AwarenessSink;
  readonly #tickMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #immediate: ReturnType<typeof setImmediate> | null = null;
  #lastFlushAt = -Infinity;
  /** Publishes this process's coalesced changes to the other processes (R66), if any. */
  readonly #publish: ((update: Uint8Array) => void) | null;
  #sweepTimer: ReturnType<typeof setInterval> | null = null;
  /** Client ids first learnt from the bus and still remembered (R66, MAX_REMOTE_PRESENCE). */
  readonly #remoteIds = new Set<number>();
  /** Entries dropped because the connection did not own their id (R50). */
  spoofedDropped = 0;

  constructor(sink: AwarenessSink, tickMs: number, publish?: (update: Uint8Array) => void) {
    this.#sink = sink;
    this.#tickMs = tickMs;
    this.#publish = publish ?? null;
  }

  /** States remembered, live or removed (bounded by the sweep). */
  get remembered(): number {
    return this.#presence.size;
  }

  /** Number of live states. */
  get size(): number {
    let count = 0;
    for (const presence of this.#presence.values()) if (presence.alive) count++;
    return count;
  }

  /** The client id a connection owns, if any. */
  ownedBy(connection: Connection): number | undefined {
    return this.#owned.get(connection);
  }

  /**
   * Applies an awareness update (the payload of message 1) from a connection. Throws
   * MalformedAwareness if it does not decode; nothing is applied then.
   */
  apply(connection: Connection, update: Uint8Array): void {
    const accepted: Array<[number, number, Uint8Array, boolean]> = [];
    let claim = this.#owned.get(connection);
    let takeover: Connection | null = null;
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const start = decoder.pos;
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        // The state's bytes, not yet a string: most entries are stale echoes (the stock client
        // re-sends every state it applies), decoded for nothing.
        const state = decoding.readVarUint8Array(decoder);
        const end = decoder.pos;
        const known = this.#presence.get(clientId);
        const isNull = isNullState(state);
        const newer =
          known === undefined ||
          clock > known.clock ||
          (clock === known.clock && isNull && known.alive);
        if (!newer) continue; // a stale copy: changes nothing
        if (!isNull) checkState(utf8.decode(state)); // only plain JSON states apply (R12)
        if (claim === undefined) {
          // Only an owner removes its state: a removal never claims an id (the stock client
          // re-sends a remote state it timed out as a removal).
          if (isNull) {
            this.spoofedDropped++;
            continue;
          }
          claim = clientId;
          if (known?.owner && known.owner !== connection) takeover = known.owner;
        } else if (claim !== clientId) {
          this.spoofedDropped++;
          continue;
        }
        accepted.push([clientId, clock, update.slice(start, end), !isNull]);
      }
      if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    } catch (error) {
      throw new MalformedAwareness((error as Error).message);
    }
    if (accepted.length === 0) return;
    if (claim !== undefined && !this.#owned.has(connection)) {
      if (takeover) this.#owned.delete(takeover);
      this.#owned.set(connection, claim);
    }
    const now = performance.now();
    let removed = false;
    for (const [clientId, clock, entry, alive] of accepted) {
      this.#presence.set(clientId, {
        clock,
        entry,
        alive,
        owner: connection,
        remoteAt: 0,
        goneAt: alive ? 0 : now,
      });
      removed ||= !alive;
      // Several processes only: an id learnt from the bus is now this process's client.
      if (this.#publish) this.#remoteIds.delete(clientId);
      this.#pending.add(clientId);
    }
    this.#schedule();
    if (removed) this.#armSweep();
  }

  /** A connection left: its state is removed and the removal sent with the next tick (R11). */
  leave(connection: Connection): void {
    const clientId = this.#owned.get(connection);
    if (clientId === undefined) return;
    this.#owned.delete(connection);
    const presence = this.#presence.get(clientId);
    if (!presence || presence.owner !== connection) return;
    presence.owner = null;
    if (!presence.alive) return;
    // As y-protocols does: a null state one clock later.
    presence.clock++;
    presence.alive = false;
    presence.goneAt = performance.now();
    presence.entry = encodeEntry(clientId, presence.clock, 'null');
    this.#pending.add(clientId);
    this.#schedule();
    this.#armSweep();
  }

  /** Every live state as one awareness frame (joiners, query awareness), or null if none. */
  fullFrame(): Uint8Array | null {
    const entries: Uint8Array[] = [];
    for (const presence of this.#presence.values())
      if (presence.alive) entries.push(presence.entry);
    return entries.length > 0 ? awarenessFrame(entries) : null;
  }

  #schedule(): void {
    if (this.#timer !== null || this.#immediate !== null) return;
    const wait = this.#lastFlushAt + this.#tickMs - performance.now();
    if (wait <= 0) {
      // Quiet for a whole tick: send at the end of this turn, no added delay.
      this.#immediate = setImmediate(() => {
        this.#immediate = null;
        this.flush();
      });
    } else {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.flush();
      }, wait);
      this.#timer.unref();
    }
  }

  /** Sends what changed since the last tick: one update, own entries left out per receiver. */
  flush(): void {
    if (this.#pending.size === 0) return;
    this.#lastFlushAt = performance.now();
    const ids = [...this.#pending];
    this.#pending.clear();
    const entries = ids.map((id) => this.#presence.get(id)!.entry);
    if (this.#publish) this.#publishLocal(ids, entries);
    let shared: Uint8Array | null = null;
    for (const connection of this.#sink.connections()) {
      const own = this.#owned.get(connection);
      const ownIndex = own === undefined ? -1 : ids.indexOf(own);
      if (ownIndex === -1) {
        shared ??= awarenessFrame(entries);
        connection.send(shared);
      } else if (entries.length > 1) {
        connection.send(awarenessFrame(entries.filter((_, i) => i !== ownIndex)));
      }
    }
  }

  /** R66: of the changes of one tick, this process's clients' go to the other processes. */
  #publishLocal(ids: readonly number[], entries: readonly Uint8Array[]): void {
    const local = entries.filter((_, i) => this.#presence.get(ids[i]!)!.remoteAt === 0);
    if (local.length > 0) this.#publish!(awarenessUpdate(local));
  }

  /**
   * R66: presence from another process, an awareness update (count, then entries). Newer
   * entries are kept as received and sent to this room's connections with the next tick; they
   * are never published again. An equal clock never removes a client of this process.
   * Throws MalformedAwareness if it does not decode.
   */
  applyRemote(update: Uint8Array): void {
    const now = performance.now();
    const accepted: Array<[number, number, Uint8Array, boolean]> = [];
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const start = decoder.pos;
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const state = decoding.readVarUint8Array(decoder);
        const known = this.#presence.get(clientId);
        const isNull = isNullState(state);
        const newer =
          known === undefined ||
          clock > known.clock ||
          (clock === known.clock && isNull && known.alive && known.remoteAt !== 0);
        if (!newer) continue;
        if (!isNull) JSON.parse(utf8.decode(state));
        if (known === undefined) {
          // A removal of a client never seen changes nothing; past the bound, new ids wait.
          if (isNull || this.#remoteIds.size >= MAX_REMOTE_PRESENCE) continue;
          this.#remoteIds.add(clientId);
        }
        accepted.push([clientId, clock, update.slice(start, decoder.pos), !isNull]);
      }
      if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    } catch (error) {
      throw new MalformedAwareness((error as Error).message);
    }
    for (const [clientId, clock, entry, alive] of accepted) {
      // The client is now seen through another process: a lingering local socket's claim ends.
      const owner = this.#presence.get(clientId)?.owner;
      if (owner) this.#owned.delete(owner);
      this.#presence.set(clientId, { clock, entry, alive, owner: null, remoteAt: now, goneAt: 0 });
      this.#pending.add(clientId);
    }
    if (accepted.length === 0) return;
    this.#schedule();
    this.#armSweep();
  }

  /** Every live state of this process's clients as one awareness update, or null (R66). */
  localStates(): Uint8Array | null {
    const entries: Uint8Array[] = [];
    for (const presence of this.#presence.values()) {
      if (presence.alive && presence.remoteAt === 0) entries.push(presence.entry);
    }
    return entries.length > 0 ? awarenessUpdate(entries) : null;
  }

  /**
   * The removal of every live state of this process's clients (a null state one clock later),
   * as one awareness update, or null: the room closes, its sockets' own closes will come too
   * late to reach the other processes (R66).
   */
  localRemovals(): Uint8Array | null {
    const entries: Uint8Array[] = [];
    for (const [clientId, presence] of this.#presence) {
      if (presence.alive && presence.remoteAt === 0) {
        entries.push(encodeEntry(clientId, presence.clock + 1, 'null'));
      }
    }
    return entries.length > 0 ? awarenessUpdate(entries) : null;
  }

  /**
   * While other processes' clients are present (R66), look for ghosts now and then; while
   * removals are remembered, forget them once old enough.
   */
  #armSweep(): void {
    if (this.#sweepTimer !== null) return;
    this.#sweepTimer = setInterval(() => this.#sweep(), CLUSTER_PRESENCE.sweepMs);
    this.#sweepTimer.unref();
  }

  /**
   * A process that died (kill -9) never sends its clients' removal: a remote state not renewed
   * for CLUSTER_PRESENCE.timeoutMs (the stock client renews every 15 s) is removed here, and
   * the removal sent to this room's connections (not published: it is not ours). A removal of
   * this process's client is forgotten REMOVED_PRESENCE_KEPT_MS after it happened.
   */
  #sweep(): void {
    const now = performance.now();
    const expired = now - CLUSTER_PRESENCE.timeoutMs;
    let watched = 0;
    for (const [clientId, presence] of this.#presence) {
      if (presence.remoteAt === 0) {
        if (presence.alive) continue;
        if (presence.goneAt <= now - REMOVED_PRESENCE_KEPT_MS && !this.#pending.has(clientId)) {
          this.#presence.delete(clientId);
        } else watched++; // still remembered: the sweep goes on
        continue;
      }
      if (!presence.alive) {
        // A remote removal already sent to this room's connections, long enough ago: forgotten.
        if (presence.remoteAt <= expired && !this.#pending.has(clientId)) {
          this.#presence.delete(clientId);
          this.#remoteIds.delete(clientId);
        } else watched++; // the sweep goes on until it is forgotten, even if nobody else is
        continue;
      }
      if (presence.remoteAt > expired) {
        watched++;
        continue;
      }
      presence.clock++;
      presence.alive = false;
      presence.entry = encodeEntry(clientId, presence.clock, 'null');
      this.#pending.add(clientId);
    }
    if (this.#pending.size > 0) this.#schedule();
    if (watched === 0 && this.#sweepTimer !== null) {
      clearInterval(this.#sweepTimer);
      this.#sweepTimer = null;
    }
  }

  dispose(): void {
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.#sweepTimer = null;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#timer = null;
    this.#immediate = null;
    this.#pending.clear();
    this.#presence.clear();
    this.#remoteIds.clear();
    this.#owned.clear();
  }
}

const utf8 = new TextDecoder();

/** Whether a state's UTF-8 bytes are `null` (the client left). */
function isNullState(state: Uint8Array): boolean {
  return (
    state.byteLength === 4 &&
    state[0] === 0x6e &&
    state[1] === 0x75 &&
    state[2] === 0x6c &&
    state[3] === 0x6c
  );
}

function encodeEntry(clientId: number, clock: number, state: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, state);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (count, then entries) made of already-encoded entries. */
function awarenessUpdate(entries: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) encoding.writeUint8Array(encoder, entry);
  return encoding.toUint8Array(encoder);
}

/** Message 1 with an awareness update made of already-encoded entries. */
export function awarenessFrame(entries: readonly Uint8Array[]): Uint8Array {
  let bytes = 0;
  for (const entry of entries) bytes += entry.byteLength;
  const counted = encoding.createEncoder();
  encoding.writeVarUint(counted, entries.length);
  const countBytes = encoding.toUint8Array(counted);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint(encoder, countBytes.byteLength + bytes);
  encoding.writeUint8Array(encoder, countBytes);
  for (const entry of entries) encoding.writeUint8Array(encoder, entry);
  return encoding.toUint8Array(encoder);
}
