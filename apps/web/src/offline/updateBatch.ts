// The local copy's writes, batched. A drag writes the board once per frame, and y-indexeddb
// opens an IndexedDB transaction for each update: on a slow phone that was the biggest piece of
// a move's board write. While the socket is live, every update has already gone to the server
// as it happened, so the local copy can wait: updates are held up to HOLD_MS, merged into one
// (Y.mergeUpdates) and written in one transaction. While offline the copy is all there is, and
// each update is written at once. Held updates are written when the page is hidden or left, when
// the socket drops, and on destroy (see flushOnLeave and BoardConnection).
//
// At worst (the tab killed without a pagehide while connected) the copy misses the last HOLD_MS
// of edits, which the server already has; a socket dead but not yet noticed is the one case
// where those edits are in neither place.
import * as Y from 'yjs';

export const HOLD_MS = 250;

/** setTimeout/clearTimeout, injectable for tests. */
export interface Timers {
  set(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  clear(handle: ReturnType<typeof setTimeout>): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle),
};

export class UpdateBatch {
  private held: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Stores one (merged) update. */
    private readonly write: (update: Uint8Array) => void,
    /** Whether updates may wait (the server has them): false writes each one at once. */
    private readonly mayHold: () => boolean,
    private readonly holdMs: number = HOLD_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /** How many updates wait to be written. */
  get size(): number {
    return this.held.length;
  }

  add(update: Uint8Array): void {
    this.held.push(update);
    if (!this.mayHold()) {
      this.flush();
      return;
    }
    this.timer ??= this.timers.set(() => {
      this.timer = null;
      this.flush();
    }, this.holdMs);
  }

  /** Writes what waits, now, as one update. */
  flush(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    const held = this.held;
    if (held.length === 0) return;
    this.held = [];
    this.write(held.length === 1 ? (held[0] as Uint8Array) : Y.mergeUpdates(held));
  }
}
