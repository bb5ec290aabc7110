import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { MemoryNetwork } from './memory-socket.ts';
import { MemorySocket } from './memory-socket.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from './protocol.ts';
import type { Relay } from './relay.ts';

const REMOTE = Symbol('remote');

/**
 * A y-websocket client reduced to its protocol (what the stock WebsocketProvider does), over
 * the in-memory transport: on connect it sends sync step 1 and its awareness, answers the
 * server's step 1 with step 2, and sends local updates while connected.
 */
export class TestClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  socket: MemorySocket;
  readonly received: Uint8Array[] = [];
  synced = false;
  readonly #relay: Relay;
  readonly #network: MemoryNetwork;
  readonly #boardId: string;
  readonly #canWrite: boolean;

  constructor(
    relay: Relay,
    network: MemoryNetwork,
    boardId: string,
    canWrite = true,
    doc: Y.Doc = new Y.Doc(),
  ) {
    this.#relay = relay;
    this.#network = network;
    this.#boardId = boardId;
    this.#canWrite = canWrite;
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !this.connected) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === REMOTE || !this.connected) return;
        const changed = [...added!, ...updated!, ...removed!];
        this.send(
          awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
        );
      },
    );
    try {
      this.socket = this.#open();
    } catch (error) {
      // A refused connection (a bad board id) makes no client: nothing may keep its Awareness
      // renewing every 15 s, into whatever test this process runs next.
      this.awareness.destroy();
      throw error;
    }
  }

  get connected(): boolean {
    return !this.socket.client.closed;
  }

  #open(): MemorySocket {
    const socket = new MemorySocket(this.#network);
    socket.client.onMessage = (data) => this.#receive(data);
    this.synced = false;
    this.#relay.connect(socket, {
      boardId: this.#boardId,
      role: this.#canWrite ? 'edit' : 'view',
      canWrite: this.#canWrite,
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.client.send(encoding.toUint8Array(encoder));
    if (this.awareness.getLocalState() !== null) {
      socket.client.send(
        awarenessMessage(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        ),
      );
    }
    return socket;
  }

  /** A new socket after a disconnect, like the stock client's reconnect. */
  reconnect(): void {
    if (this.connected) return;
    this.socket = this.#open();
  }

  send(data: Uint8Array, isBinary = true): void {
    this.socket.client.send(data, isBinary);
  }

  queryAwareness(): void {
    this.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
  }

  close(): void {
    this.socket.client.close(1000);
  }

  get closeCode(): number | null {
    return this.socket.client.closeCode;
  }

  /** Stops the awareness timers; call at the end of every test. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  #receive(data: Uint8Array): void {
    this.received.push(data);
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        REMOTE,
      );
    }
  }
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
