// This page's document updates kept from the server for a while, then sent as ONE update. An
// import too large for one short task is written in several transactions (export/importers.ts);
// the other participants must still receive it whole, never half a board: the stock provider
// sends each transaction as it happens, so its listener is set aside meanwhile (as
// presence/ownAwareness.ts does for presence) and what was held goes as one update at the end.
//
// The socket reconnecting meanwhile (venue wifi) must not send the parts either: y-websocket
// answers the server's sync step 1 with all the server lacks, the parts written so far included.
// So a step 1 received during the hold is answered only at its end: with all the server lacks
// but the held parts, which then follow as the one update (no encoding of the whole import on
// the page's main thread: ~100 ms for 5,000 notes). If the server lacked changes of mine from
// before the hold too (made offline), the answer is y-websocket's own, the import in it.
//
// Updates received from the server are not held: they are applied and shown as they come, and
// they are not sent back anyway. The device's copy (offline/localCopy.ts) skips the held ones
// meanwhile and stores the merged update, so it never holds half an import either.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

type MessageHandler<P> = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: P,
  emitSynced: boolean,
  messageType: number,
) => void;

/** The part of y-websocket's provider this needs. */
export interface UpdateSender {
  readonly doc: Y.Doc;
  _updateHandler: (update: Uint8Array, origin: unknown) => void;
  /** The provider's handlers by message type; without them a resync is not held. */
  messageHandlers?: MessageHandler<never>[];
  ws?: { readonly readyState: number; send(data: Uint8Array<ArrayBuffer>): void } | null;
  wsconnected?: boolean;
}

/** A server's sync step 1 kept until the hold ends, for the socket it came on. */
interface HeldResync {
  socket: unknown;
  stateVector: Uint8Array;
}

/** The device's copy of the board (offline/localCopy.ts), which holds the same updates back. */
export interface HeldCopy {
  holdBack(held: (origin: unknown) => boolean): void;
  storeHeld(update: Uint8Array | null): void;
}

export class OutgoingHold {
  private held: Uint8Array[] = [];
  private released = false;
  private resync: HeldResync | null = null;
  private readonly syncHandler: MessageHandler<never> | undefined;
  /** This page's clock when the hold began: what it writes from there on is held. */
  private readonly clockBefore: number;

  constructor(
    private readonly provider: UpdateSender,
    private readonly copy: HeldCopy | null = null,
    /** Called as the hold ends: the pending count's one change is whole (offline/pending.ts). */
    private readonly onRelease: () => void = () => undefined,
  ) {
    provider.doc.off('update', provider._updateHandler);
    provider.doc.on('update', this.onUpdate);
    copy?.holdBack(this.isHeld);
    this.clockBefore = Y.getState(provider.doc.store, provider.doc.clientID);
    const handlers = provider.messageHandlers;
    this.syncHandler = handlers?.[MESSAGE_SYNC];
    if (handlers && this.syncHandler) handlers[MESSAGE_SYNC] = this.onSyncMessage;
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
    const toSend: Uint8Array[] = [];
    const send = (update: Uint8Array) => {
      toSend.push(update);
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
    // From here on, no pause: nothing is written between the answer and the listener's return.
    const handlers = this.provider.messageHandlers;
    if (handlers && handlers[MESSAGE_SYNC] === this.onSyncMessage) {
      handlers[MESSAGE_SYNC] = this.syncHandler!;
    }
    if (!this.answerResync()) {
      for (const update of toSend) this.provider._updateHandler(update, null);
    }
    this.provider.doc.off('update', this.onUpdate);
    this.provider.doc.on('update', this.provider._updateHandler);
    this.copy?.storeHeld(null);
  }

  /**
   * The socket reconnected during the hold: answers the server's step 1 now, as y-websocket
   * would have. When the server holds all I wrote before the hold, the answer leaves my client's
   * changes out (what it lacks of them is the held parts) and false is returned: the held parts
   * then go as the one update. Otherwise it carries all the server lacks, the import in it.
   * Also false when there is no step 1 to answer on this socket.
   */
  private answerResync(): boolean {
    const resync = this.resync;
    this.resync = null;
    const ws = this.provider.ws;
    if (!resync || !ws || resync.socket !== ws || !this.provider.wsconnected) return false;
    if (ws.readyState !== 1 /* OPEN */) return false;
    const doc = this.provider.doc;
    const theirs = Y.decodeStateVector(resync.stateVector);
    const hasAllBefore = (theirs.get(doc.clientID) ?? 0) >= this.clockBefore;
    if (hasAllBefore) theirs.set(doc.clientID, Y.getState(doc.store, doc.clientID));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, doc, Y.encodeStateVector(theirs));
    ws.send(encoding.toUint8Array(encoder));
    return !hasAllBefore;
  }

  /** The provider's sync handler meanwhile: a step 1 waits for the end of the hold. */
  private readonly onSyncMessage: MessageHandler<never> = (encoder, decoder, ...rest) => {
    const start = decoder.pos;
    if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
      this.resync = { socket: this.provider.ws, stateVector: decoding.readVarUint8Array(decoder) };
      return;
    }
    decoder.pos = start;
    this.syncHandler!(encoder, decoder, ...rest);
  };

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.isHeld(origin)) this.held.push(update);
  };
}
