// The board's copy in IndexedDB (y-indexeddb's format and database), written in batches: see
// updateBatch.ts for why and what can be lost.
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { UpdateBatch } from './updateBatch';

export class LocalCopy {
  private readonly persistence: IndexeddbPersistence;
  private readonly batch: UpdateBatch;

  constructor(
    name: string,
    private readonly doc: Y.Doc,
    /** Whether the server gets updates live (they may then wait a little to be stored). */
    live: () => boolean,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    const persistence = this.persistence;
    // y-indexeddb stores each update in its own transaction: its listener is replaced by the
    // batch, which hands it merged updates (the origin `null` is not its own, so it stores them).
    doc.off('update', persistence._storeUpdate);
    this.batch = new UpdateBatch((update) => persistence._storeUpdate(update, null), live);
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

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates read from the copy itself are not written back.
    if (origin === this.persistence) return;
    this.batch.add(update);
  };
}
