import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { DELETED_BY_KEY } from '@carton/board';
import type { Logger } from '../log.ts';
import type { Connection } from '../relay/connection.ts';
import type { AdmitMessage, MessageRefusal } from '../relay/relay.ts';
import type { AdmittedBytes } from './admitted-bytes.ts';
import { LimitCloseCode, LimitReason } from './close-codes.ts';
import {
  createHeldPresenceMetrics,
  HeldPresence,
  type HeldPresenceMetrics,
} from './held-presence.ts';
import { TokenBucket } from './token-bucket.ts';

export interface MessageLimits {
  /** Document updates (sync step 2 and update) per second and burst, per connection. */
  updatesPerSecond: number;
  updateBurst: number;
  maxUpdateBytes: number;
  /**
   * The largest sync step 2 a client sends after its first: past `maxUpdateBytes` a catch-up was
   * refused for good, and the device could never send its changes again, reconnect after
   * reconnect. A connection's first sync step 2 (the catch-up answering the server's sync step
   * 1: what it changed while offline) is bounded by the board's size instead (R28, R30).
   */
  maxSyncBytes: number;
  /** Awareness messages per second (cursors: 20 Hz) and burst, per connection. */
  awarenessPerSecond: number;
  awarenessBurst: number;
  maxAwarenessBytes: number;
  /**
   * Requests the room answers with state (sync step 1, query awareness) per minute and burst,
   * per connection: the stock client sends one step 1 per connection (and one per
   * `resyncInterval` if set), while each answer to a step 1 may cost an encoding of the board.
   */
  stateRequestsPerMinute: number;
  stateRequestBurst: number;
  /** Most bytes a board's stored document (snapshot + log) may grow to. */
  maxBoardBytes: number;
}

interface Budget {
  updates: TokenBucket;
  /** Fresh presence at the allowed rate (20 Hz): past it, the newest frame waits for a token. */
  awareness: TokenBucket;
  /** That waiting frame (R29's trailing edge), made on the connection's first one. */
  heldPresence: HeldPresence | null;
  /** Fresh presence at CEILING_FACTOR times the rate: past it, the connection is closed. */
  awarenessCeiling: TokenBucket;
  /** Every awareness frame, echoes included (see AwarenessClocks). */
  awarenessFrames: TokenBucket;
  /** Sync step 1 and query awareness: past it, frames are dropped (unanswered). */
  stateRequests: TokenBucket;
  /** The connection sent its first sync step 2, the handshake's catch-up (R28). */
  caughtUp: boolean;
}

/**
 * R28, R14: the largest WebSocket message a writer may send before its first sync step 2 (its
 * catch-up): the board's whole size (R30: no larger catch-up could be stored) and framing, or
 * the usual message limit if larger.
 */
export function catchUpMessageBytes(limits: {
  maxMessageBytes: number;
  maxSyncBytes: number;
  maxBoardBytes: number;
}): number {
  return Math.max(
    limits.maxMessageBytes,
    Math.max(limits.maxSyncBytes, limits.maxBoardBytes) + CATCH_UP_FRAMING_BYTES,
  );
}

/** A sync message's type, sync type and length prefix, with room to spare. */
const CATCH_UP_FRAMING_BYTES = 64 * 1024;

/**
 * The stock y-websocket client sends back every awareness change it receives (its handler
 * does not look at the origin), so a connection's awareness frames grow with the room: most
 * are echoes of other clients' states with a clock the room has already seen. Only entries
 * that advance a client's clock are new presence and count against the 20 Hz budget; echoes
 * count against a budget of frames that many times larger (ECHO_FACTOR), which still stops
 * a flood.
 */
class AwarenessClocks {
  readonly #boards = new Map<string, Map<number, { clock: number; seenAt: number }>>();
  #sweptAt = -Infinity;

  /** Client clocks remembered, all boards together (GET /metrics). */
  get size(): number {
    let count = 0;
    for (const clocks of this.#boards.values()) count += clocks.size;
    return count;
  }

  /** Records the entries; true if any advanced its client's clock. */
  advance(boardId: string, entries: ReadonlyArray<AwarenessEntry>, now: number): boolean {
    if (now - this.#sweptAt >= CLOCK_SWEEP_MS) this.#sweep(now);
    let clocks = this.#boards.get(boardId);
    if (!clocks) {
      if (this.#boards.size >= MAX_TRACKED_BOARDS) this.#boards.clear();
      clocks = new Map();
      this.#boards.set(boardId, clocks);
    }
    let advanced = false;
    for (const [clientId, clock] of entries) {
      const known = clocks.get(clientId);
      if (known !== undefined && clock <= known.clock) continue;
      if (known === undefined && clocks.size >= MAX_CLIENTS_PER_BOARD) clocks.clear();
      if (known) {
        known.clock = clock;
        known.seenAt = now;
      } else clocks.set(clientId, { clock, seenAt: now });
      advanced = true;
    }
    return advanced;
  }

  /**
   * Forgets clients whose clock has not moved for CLOCK_FORGET_MS, and boards left with none: a
   * client still there renews its state every 15 s (the stock client), so only those that left
   * go — a phone reconnecting comes back with a new id each time, and a day of them grew this
   * without end. An echo of a forgotten client's state counts once as fresh, nothing more.
   */
  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [boardId, clocks] of this.#boards) {
      for (const [clientId, known] of clocks) {
        if (now - known.seenAt > CLOCK_FORGET_MS) clocks.delete(clientId);
      }
      if (clocks.size === 0) this.#boards.delete(boardId);
    }
  }
}

const ECHO_FACTOR = 100;
const CEILING_FACTOR = 4;
const MAX_CLIENTS_PER_BOARD = 20_000;
/** A client's clock unchanged this long: it left (a live one renews every 15 s). */
const CLOCK_FORGET_MS = 120_000;
const CLOCK_SWEEP_MS = 30_000;

/** How long a board's measured stored size is trusted before it is read again. */
const REMEASURE_MS = 2_000;
const MAX_TRACKED_BOARDS = 5_000;

/**
 * The stored size of boards that receive updates: measured from storage, plus what was
 * admitted since and, with several processes, what the others appended since (from the bus);
 * an overestimate until the next measure, since compaction shrinks the log. A measure counts
 * only appends that settled: updates admitted but not appended yet (in the room's batch, or
 * an append PostgreSQL has not committed) are added on top (`inFlight`), so a re-measure never
 * forgets them.
 */
class BoardSizes {
  readonly #sizes = new Map<string, { bytes: number; measuredAt: number }>();
  readonly #measure: (boardId: string) => number;
  readonly #admitted: AdmittedBytes | null;

  constructor(measure: (boardId: string) => number, admitted: AdmittedBytes | null) {
    this.#measure = measure;
    this.#admitted = admitted;
  }

  estimate(boardId: string, now: number): number {
    let entry = this.#sizes.get(boardId);
    if (!entry || now - entry.measuredAt > REMEASURE_MS) {
      if (!entry && this.#sizes.size >= MAX_TRACKED_BOARDS) this.#sizes.clear();
      const inFlight = this.#admitted?.inFlight(boardId) ?? 0;
      const bytes = this.#measure(boardId) + inFlight;
      if (entry) {
        entry.bytes = bytes;
        entry.measuredAt = now;
      } else {
        entry = { bytes, measuredAt: now };
        this.#sizes.set(boardId, entry);
      }
    }
    return entry.bytes;
  }

  /** This process admitted an update for the board. */
  admit(boardId: string, bytes: number): void {
    this.#admitted?.admit(boardId, bytes);
    this.add(boardId, bytes);
  }

  /** Bytes that reached the board (another process's appends, from the bus). */
  add(boardId: string, bytes: number): void {
    const entry = this.#sizes.get(boardId);
    if (entry) entry.bytes += bytes;
  }
}

/** One entry of an awareness update: client id, clock, and whether its state is null (gone). */
type AwarenessEntry = [clientId: number, clock: number, removed: boolean];

type Frame =
  | { kind: 'update'; payload: Uint8Array; catchUp: boolean }
  | { kind: 'awareness'; bytes: number; entries: AwarenessEntry[] }
  | { kind: 'request' }
  | { kind: 'other' };

/** Most entries read from one awareness frame; more is the room's problem (it is malformed). */
const MAX_AWARENESS_ENTRIES = 1_000;

/** Just enough decoding to know what a frame is; a frame that does not decode is the room's. */
function classify(data: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 1) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = Math.min(decoding.readVarUint(update), MAX_AWARENESS_ENTRIES);
      const entries: AwarenessEntry[] = [];
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(update);
        const clock = decoding.readVarUint(update);
        // The state: a length-prefixed JSON string; `null` when the client is gone.
        const state = decoding.readVarUint8Array(update);
        const removed = state.length === 4 && String.fromCharCode(...state) === 'null';
        entries.push([clientId, clock, removed]);
      }
      return { kind: 'awareness', bytes: data.byteLength, entries };
    }
    if (type === 3) return { kind: 'request' }; // query awareness
    if (type !== 0) return { kind: 'other' };
    const syncType = decoding.readVarUint(decoder);
    if (syncType === 0) return { kind: 'request' }; // sync step 1
    if (syncType !== 1 && syncType !== 2) return { kind: 'other' };
    return {
      kind: 'update',
      payload: decoding.readVarUint8Array(decoder),
      catchUp: syncType === 1,
    };
  } catch {
    return { kind: 'other' };
  }
}

/**
 * An update that only deletes (no new structs) never grows the board: allowed when full. So is a
 * deletion naming its author (M36): besides what it deletes, one entry of the root map
 * `deletedBy` (under a fresh key, so its map is named in the update itself) of a few hundred
 * bytes; without it, deleting on a full board (the way to free it) was refused. Such an entry
 * does grow the board, so it is taken only while the board stays within NAMED_DELETION_SLACK
 * of its limit, and only small (NAMED_DELETION_MAX_BYTES): past either, a client could fill the
 * disk one « deletion » at a time.
 */
function onlyDeletes(update: Uint8Array, namedAllowed: boolean): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    if (structs.length === 0) return true;
    if (!namedAllowed || ds.clients.size === 0 || structs.length !== 1) return false;
    return namesADeleter(structs[0]);
  } catch {
    return false;
  }
}

/**
 * How far past R30's limit a board still takes deletions that name their author (M36): each
 * adds its name and ids (a few hundred bytes; the entry before it is removed), so thousands of
 * them fit before a full board takes only deletions that name nobody.
 */
export const NAMED_DELETION_SLACK = 1024 * 1024;
/** The largest M36 entry a full board takes: a carton's ids and a name, with room to spare. */
export const NAMED_DELETION_MAX_BYTES = 16 * 1024;

/** One small entry `{ ids, by }` of the root map `deletedBy` (M36). */
function namesADeleter(struct: unknown): boolean {
  return (
    struct instanceof Y.Item &&
    // Decoded from an update alone, a root type's entry names its parent by the root's name.
    (struct.parent as unknown) === DELETED_BY_KEY &&
    typeof struct.parentSub === 'string' &&
    struct.content instanceof Y.ContentAny &&
    JSON.stringify(struct.content.arr).length <= NAMED_DELETION_MAX_BYTES
  );
}

/**
 * R30 with several processes (R63): subscribes a listener to the sizes of the updates other
 * processes appended (the bus), so they count at once, not from the next measure.
 */
export type RemoteUpdateFeed = (listener: (boardId: string, bytes: number) => void) => unknown;

/** The admission hook, with its counters for GET /metrics. */
export interface MessageAdmission extends AdmitMessage {
  /** R29's held-back presence: held, replaced by a newer frame, delivered late. */
  readonly presence: Readonly<HeldPresenceMetrics>;
  /** Awareness client clocks remembered for telling echoes from fresh presence. */
  awarenessClocks(): number;
}

/**
 * R28–R30: the relay's admission hook. Per connection, a token bucket for updates and one for
 * awareness, a size limit for each; per board, the stored document's size cap. Refusals close
 * only the offending connection, with a 44xx code and a reason (see close-codes.ts). Presence
 * past 20 Hz is held back rather than refused, up to CEILING_FACTOR times the rate: a cursor
 * sent too often costs nothing to the others (only its newest frame is kept, and sent when the
 * budget allows), only a flood is closed.
 */
export function createMessageAdmission(
  limits: MessageLimits,
  measureBoardBytes: (boardId: string) => number,
  log: Logger,
  remoteUpdates?: RemoteUpdateFeed,
  /**
   * R30: the ledger of admitted bytes not appended yet, settled by the relay's storage
   * (`admitted.track(storage)`); without it a re-measure forgets them until the next one.
   */
  admitted?: AdmittedBytes,
): MessageAdmission {
  const presence = createHeldPresenceMetrics();
  const budgets = new WeakMap<Connection, Budget>();
  const forget = (connection: Connection) => budgets.get(connection)?.heldPresence?.discard();
  const sizes = new BoardSizes(measureBoardBytes, admitted ?? null);
  const clocks = new AwarenessClocks();
  // Counted only for boards measured here (a board nobody writes to here is not tracked).
  remoteUpdates?.((boardId, bytes) => sizes.add(boardId, bytes));

  const refuse = (
    connection: Connection,
    code: number,
    reason: string,
    limit: string,
  ): MessageRefusal => {
    log.warn('limit_exceeded', { connection: connection.id, board: connection.boardId, limit });
    return { code, reason };
  };

  const admit: AdmitMessage = (connection, data, deliver) => {
    const now = performance.now();
    let budget = budgets.get(connection);
    if (!budget) {
      budget = {
        updates: new TokenBucket(limits.updatesPerSecond, limits.updateBurst, now),
        awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now),
        heldPresence: null,
        awarenessCeiling: new TokenBucket(
          limits.awarenessPerSecond * CEILING_FACTOR,
          limits.awarenessBurst * CEILING_FACTOR,
          now,
        ),
        awarenessFrames: new TokenBucket(
          limits.awarenessPerSecond * ECHO_FACTOR,
          limits.awarenessBurst * ECHO_FACTOR,
          now,
        ),
        stateRequests: new TokenBucket(
          limits.stateRequestsPerMinute / 60,
          limits.stateRequestBurst,
          now,
        ),
        caughtUp: false,
      };
      budgets.set(connection, budget);
    }
    const frame = classify(data);
    if (frame.kind === 'request') {
      // R29b: a step 1 with a made-up state vector makes the room encode the board again (a 6 MB
      // board: over a second of CPU) for a 5-byte frame, and a query gets every presence state:
      // past the budget the request goes unanswered; the connection stays.
      if (budget.stateRequests.take(1, now)) return true;
      log.debug('state_request_dropped', { connection: connection.id, board: connection.boardId });
      return 'drop';
    }
    if (frame.kind === 'awareness') {
      if (frame.bytes > limits.maxAwarenessBytes) {
        return refuse(
          connection,
          LimitCloseCode.MESSAGE_TOO_LARGE,
          LimitReason.awarenessTooLarge,
          'awareness_bytes',
        );
      }
      if (!budget.awarenessFrames.take(1, now)) {
        return refuse(
          connection,
          LimitCloseCode.RATE_LIMITED,
          LimitReason.awarenessRate,
          'awareness_frames',
        );
      }
      if (!clocks.advance(connection.boardId, frame.entries, now)) return true; // echoes only
      if (!budget.awarenessCeiling.take(1, now)) {
        return refuse(
          connection,
          LimitCloseCode.RATE_LIMITED,
          LimitReason.awarenessRate,
          'awareness_rate',
        );
      }
      // Over 20 Hz but under the ceiling: this frame waits for the budget, in place of any older
      // one waiting; one admitted first makes the waiting one stale. A client leaving (null
      // state) never waits.
      const leaving = frame.entries.every(([, , removed]) => removed);
      if (!budget.awareness.take(1, now) && !leaving) {
        if (deliver)
          (budget.heldPresence ??= new HeldPresence(budget.awareness, presence)).hold(
            data,
            deliver,
            now,
          );
        return 'drop';
      }
      budget.heldPresence?.discard();
      return true;
    }
    if (frame.kind !== 'update') return true;
    const bytes = frame.payload.byteLength;
    // A sync step 2 carries what the client made offline, at once: allowed larger (R28). The
    // first one, answering the server's sync step 1, only by the board's size (R30, below):
    // after a long offline stretch it may be larger than any message, and refused it was sent
    // again at every reconnection, for ever.
    const handshake = frame.catchUp && !budget.caughtUp;
    if (frame.catchUp) budget.caughtUp = true;
    const allowed = frame.catchUp ? limits.maxSyncBytes : limits.maxUpdateBytes;
    if (!handshake && bytes > allowed) {
      return refuse(
        connection,
        LimitCloseCode.MESSAGE_TOO_LARGE,
        LimitReason.updateTooLarge,
        'update_bytes',
      );
    }
    if (!budget.updates.take(1, now)) {
      return refuse(connection, LimitCloseCode.RATE_LIMITED, LimitReason.updateRate, 'update_rate');
    }
    // Read-only connections' updates are dropped by the room (R9): they never grow the board.
    if (!connection.canWrite) return true;
    const stored = sizes.estimate(connection.boardId, now);
    const over = stored + bytes - limits.maxBoardBytes;
    if (over > 0 && !onlyDeletes(frame.payload, over <= NAMED_DELETION_SLACK)) {
      return refuse(connection, LimitCloseCode.BOARD_FULL, LimitReason.boardFull, 'board_bytes');
    }
    sizes.admit(connection.boardId, bytes);
    return true;
  };
  admit.forget = forget;
  return Object.assign(admit, { presence, awarenessClocks: () => clocks.size });
}
