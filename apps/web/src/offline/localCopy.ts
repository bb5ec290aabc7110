// The board's copy in IndexedDB (y-indexeddb's format and database), written in batches: see
// updateBatch.ts for why and what can be lost.
import type * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { UpdateBatch } from './updateBatch';

/** What the copy uses of y-indexeddb: given by its tests, which run where IndexedDB is not. */
export interface CopyStore {
  open(name: string, doc: Y.Doc): IndexeddbPersistence;
  /** Compacts the stored updates into one, if past y-indexeddb's threshold. */
  compact(persistence: IndexeddbPersistence): Promise<void>;
}

const Y_INDEXEDDB: CopyStore = {
  open: (name, doc) => new IndexeddbPersistence(name, doc),
  compact: (persistence) => storeState(persistence, false),
};

export class LocalCopy {
  private readonly persistence: IndexeddbPersistence;
  private readonly batch: UpdateBatch;

  constructor(
    name: string,
    private readonly doc: Y.Doc,
    /** Whether the server gets updates live (they may then wait a little to be stored). */
    live: () => boolean,
    private readonly store_: CopyStore = Y_INDEXEDDB,
  ) {
    this.persistence = store_.open(name, doc);
    const persistence = this.persistence;
    // y-indexeddb stores each update in its own transaction: its listener is replaced by the
    // batch, which hands it merged updates (the origin `null` is not its own, so it stores them).
    doc.off('update', persistence._storeUpdate);
    this.batch = new UpdateBatch((update) => this.store(update), live);
    doc.on('update', this.onUpdate);
  }

  get whenSynced(): Promise<unknown> {
    return this.persistence.whenSynced;
  }

  /** Writes what waits now (page leaving, socket dropped). */
  flush(): void {
    this.batch.flush();
  }

  async destroy(): Promise<void> {
    this.batch.flush();
    this.doc.off('update', this.onUpdate);
    await this.persistence.destroy();
  }

  /** Closes the copy and deletes its database: for one that holds nothing (openingCopy.ts). */
  async clear(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    await this.persistence.clearData();
  }

  /**
   * Until `storeHeld`: updates whose origin `held` picks are not written (an import being written
   * in parts, board/outgoingHold.ts). A page closed meanwhile then keeps none of it, rather than
   * half a board that it would send on its next opening.
   */
  holdBack(held: (origin: unknown) => boolean): void {
    this.held = held;
    // Past 500 stored updates y-indexeddb compacts them, a second after the last, into ONE: the
    // whole doc's state, which meanwhile would hold the parts written so far. Put off till the end.
    const persistence = this.persistence;
    if (persistence._storeTimeoutId !== null) {
      clearTimeout(persistence._storeTimeoutId);
      persistence._storeTimeoutId = null;
      this.compactionOwed = true;
    }
  }

  /** Ends holdBack: writes what was held, already merged into one update (by a worker). */
  storeHeld(update: Uint8Array | null): void {
    this.held = null;
    this.batch.flush();
    const waiting = this.waiting;
    this.waiting = [];
    for (const other of waiting) this.store(other);
    // In its own transaction: merged with the batch, a large import was merged again here.
    if (update !== null) this.store(update);
    if (this.compactionOwed && this.persistence._storeTimeoutId === null) {
      void this.store_.compact(this.persistence);
    }
    this.compactionOwed = false;
  }

  private held: ((origin: unknown) => boolean) | null = null;
  /** The others' updates received while held: stored after, so no store starts a compaction. */
  private waiting: Uint8Array[] = [];
  private compactionOwed = false;

  private store(update: Uint8Array): void {
    if (this.held) this.waiting.push(update);
    else this.persistence._storeUpdate(update, null);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates read from the copy itself are not written back.
    if (origin === this.persistence) return;
    if (this.held?.(origin)) return;
    this.batch.add(update);
  };
}
