import type { TokenBucket } from './token-bucket.ts';

/**
 * R29's trailing edge in GET /metrics, shared by a process's connections: plain numbers, so a
 * held frame costs an increment, no allocation. Held = replaced + delivered late + discarded
 * (a newer frame admitted first, or the connection closed) + those waiting now.
 */
export interface HeldPresenceMetrics {
  /** Presence frames held back past their connection's budget. */
  presenceHeld: number;
  /** Held frames a newer one from the same connection replaced before they went. */
  presenceHeldReplaced: number;
  /** Held frames handed to the room once the budget had a token again. */
  presenceDeliveredLate: number;
}

export function createHeldPresenceMetrics(): HeldPresenceMetrics {
  return { presenceHeld: 0, presenceHeldReplaced: 0, presenceDeliveredLate: 0 };
}

/**
 * R29's trailing edge: the newest fresh presence frame a connection sent past its 20 Hz budget,
 * kept (a copy: the relay's bytes must not be kept) and handed to the room as soon as the budget
 * has a token again. Skipping it outright lost the last state of a burst whenever nothing
 * followed — a cursor coming to rest, a join, a name change, a selection, the end of a stroke —
 * and the others kept the stale one until the client's 15 s renewal.
 *
 * One per connection, made on its first held frame: a newer held frame replaces the kept one
 * (into the same bytes when the size matches, as a moving cursor's do), a newer frame admitted
 * first discards it (it is older), and so does the connection's close.
 */
export class HeldPresence {
  readonly #budget: TokenBucket;
  readonly #metrics: HeldPresenceMetrics;
  #frame: Uint8Array | null = null;
  #deliver: ((data: Uint8Array) => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(budget: TokenBucket, metrics: HeldPresenceMetrics) {
    this.#budget = budget;
    this.#metrics = metrics;
  }

  /** Keeps `data` (copied) in place of any older kept frame; `deliver` hands it to the room. */
  hold(data: Uint8Array, deliver: (data: Uint8Array) => void, now: number): void {
    this.#metrics.presenceHeld++;
    if (this.#frame !== null) this.#metrics.presenceHeldReplaced++;
    if (this.#frame !== null && this.#frame.byteLength === data.byteLength) this.#frame.set(data);
    // A copy in every case: a Node Buffer's slice() is a view of the socket's bytes.
    else this.#frame = new Uint8Array(data);
    this.#deliver = deliver;
    if (this.#timer === null) this.#arm(now);
  }

  /** A newer frame was admitted, or the connection closed: the kept one is never sent. */
  discard(): void {
    this.#frame = null;
    this.#deliver = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(now: number): void {
    const wait = Math.max(1, Math.ceil(this.#budget.secondsUntil(1, now) * 1000));
    // The holder as the timer's argument: no closure per held frame.
    this.#timer = setTimeout(HeldPresence.#release, wait, this);
    this.#timer.unref?.();
  }

  /** The timer: the budget has a token again (else wait for it), so the kept frame goes. */
  static #release(this: void, held: HeldPresence): void {
    held.#timer = null;
    const frame = held.#frame;
    const deliver = held.#deliver;
    if (frame === null || deliver === null) return;
    const now = performance.now();
    if (!held.#budget.take(1, now)) {
      held.#arm(now);
      return;
    }
    held.#frame = null;
    held.#deliver = null;
    held.#metrics.presenceDeliveredLate++;
    deliver(frame);
  }
}
