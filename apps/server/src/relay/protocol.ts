/** y-websocket message types (first varUint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** y-protocols/sync sub-types. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Close codes the relay uses (SPEC R12–R16). The stock y-websocket client stops reconnecting
 * on 4400–4499 (a client that sends garbage will send it again) and reconnects on the others.
 */
export const CloseCode = {
  /** Server shutting down or room closing: reconnect later. */
  GOING_AWAY: 1001,
  /** A text frame: the protocol is binary only. */
  UNSUPPORTED_DATA: 1003,
  /** Set by `ws` itself: too many fragments. */
  POLICY_VIOLATION: 1008,
  /** Set by `ws` itself: message larger than CARTON_MAX_MESSAGE_BYTES. */
  MESSAGE_TOO_BIG: 1009,
  /** A frame that does not decode or apply. Permanent for the stock client. */
  MALFORMED_MESSAGE: 4400,
  /** R70: the forum was deleted for good: its boards and forum document are gone. Permanent. */
  FORUM_DELETED: 4410,
  /** The receiver's send buffer passed CARTON_MAX_BUFFERED_BYTES: reconnect and resync. */
  SLOW_CONSUMER: 4500,
  /** Storing an update failed: reconnect; the client resends what the server lacks. */
  STORAGE_FAILURE: 4501,
  /** Refused by the message admission hook (rate limit): reconnect with backoff. */
  RATE_LIMITED: 4529,
} as const;

/**
 * A no-op frame: an awareness update for zero clients. The stock client drops connections that
 * received nothing for 30 s, and the relay never echoes a client's own awareness, so a lone
 * client would otherwise reconnect every 30 s (R15).
 */
export const KEEPALIVE_FRAME: Uint8Array = Uint8Array.of(MESSAGE_AWARENESS, 1, 0);

/**
 * Awareness coalescing tick (R10): a room sends at most one awareness frame per tick to each
 * connection. A quiet room sends a change at once; a busy one every tick. Tests set 0 (one
 * event-loop turn). Mutable so tests and benchmarks can tune it; read when a room is created.
 */
export const AWARENESS_TICK = { ms: 20 };

/**
 * Update batching (R51): a busy room integrates, appends and sends the updates of up to `ms`
 * milliseconds together (one transaction, one SQLite commit, one frame per receiver), or of up
 * to `busyMs` while its batches hold at least `busyUpdates` updates (several writers), or of up
 * to `crowdedMs` while they hold at least `crowdedUpdates` (a room flooded with updates, e.g.
 * many simultaneous drags: each flush costs a commit and one send per receiver, so fewer,
 * larger flushes keep the server's CPU per delivered update low); a quiet room sends at the
 * end of the event-loop turn. Tests set 0. Mutable so tests and benchmarks can tune it.
 */
export const DOC_BATCH = { ms: 10, busyMs: 25, busyUpdates: 4, crowdedMs: 50, crowdedUpdates: 8 };

/** R51: the window after a batch of `updates` updates. */
export function batchWindowMs(updates: number): number {
  if (updates >= DOC_BATCH.crowdedUpdates) return DOC_BATCH.crowdedMs;
  if (updates >= DOC_BATCH.busyUpdates) return DOC_BATCH.busyMs;
  return DOC_BATCH.ms;
}

/**
 * R53: a board with no change for `afterMs` whose encoded state is at most `maxStateBytes`
 * (decoded again in a few milliseconds) keeps only that encoding; its doc is freed until needed.
 */
export const DEHYDRATE = { afterMs: 2_000, maxStateBytes: 512 * 1024 };

/**
 * R66: another process's client whose presence was not renewed for `timeoutMs` is removed (its
 * process died without saying so; the stock client renews every 15 s), checked every
 * `sweepMs`. Mutable so tests can shorten them; read when a sweep runs.
 */
export const CLUSTER_PRESENCE = { timeoutMs: 30_000, sweepMs: 5_000 };
