// This page's document updates kept from the server for a while, then sent as ONE update. An
// import too large for one short task is written in several transactions (export/importers.ts);
// the other participants must still receive it whole, never half a board: the stock provider
// sends each transaction as it happens, so its listener is set aside meanwhile (as
// presence/ownAwareness.ts does for presence) and what was held goes as one update at the end.
//
// Updates received from the server are not held: they are not sent back anyway. The device's
// copy (offline/localCopy.ts) skips the held ones meanwhile and stores the merged update, so it
// never holds half an import either.
import type * as Y from 'yjs';

/** The part of y-websocket's provider this needs. */
export interface UpdateSender {
  readonly doc: Y.Doc;
  _updateHandler: (update: Uint8Array, origin: unknown) => void;
}

/** The device's copy of the board (offline/localCopy.ts), which holds the same updates back. */
export interface HeldCopy {
  holdBack(held: (origin: unknown) => boolean): void;
  storeHeld(update: Uint8Array | null): void;
}

export class OutgoingHold {
  private held: Uint8Array[] = [];
  private released = false;

  constructor(
    private readonly provider: UpdateSender,
    private readonly copy: HeldCopy | null = null,
    /** Called as the hold ends: the pending count's one change is whole (offline/pending.ts). */
    private readonly onRelease: () => void = () => undefined,
  ) {
    provider.doc.off('update', provider._updateHandler);
    provider.doc.on('update', this.onUpdate);
    copy?.holdBack(this.isHeld);
  }

  private readonly isHeld = (origin: unknown): boolean => origin !== this.provider;

  /** How many updates wait. */
  get size(): number {
    return this.held.length;
  }

  /**
   * Sends what was held as one update (`merge` makes it: a worker, off the page's main thread),
   * then gives the provider back its listener. Updates written while merging are held too and
   * follow in order, so the server never gets a change before the ones it builds on.
   */
  async release(merge: (updates: Uint8Array[]) => Promise<Uint8Array>): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.onRelease();
    const send = (update: Uint8Array) => {
      this.provider._updateHandler(update, null);
      this.copy?.storeHeld(update);
      this.copy?.holdBack(this.isHeld);
    };
    while (this.held.length > 0) {
      const batch = this.held;
      this.held = [];
      let merged: Uint8Array;
      try {
        merged = batch.length === 1 ? batch[0]! : await merge(batch);
      } catch {
        // One by one, then: late and in several parts, but never lost.
        for (const update of batch) send(update);
        continue;
      }
      send(merged);
    }
    this.provider.doc.off('update', this.onUpdate);
    this.provider.doc.on('update', this.provider._updateHandler);
    this.copy?.storeHeld(null);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.isHeld(origin)) this.held.push(update);
  };
}
