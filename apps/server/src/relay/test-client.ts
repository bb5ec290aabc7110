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
 * the in-memory transport: sends sync step 1 and its awareness on connect, answers the server.
 */
export class TestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: MemorySocket;
  readonly received: Uint8Array[] = [];
  synced = false;

  constructor(relay: Relay, network: MemoryNetwork, boardId: string, canWrite = true) {
    this.socket = new MemorySocket(network);
    this.socket.client.onMessage = (data) => this.#receive(data);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === REMOTE) return;
        const changed = [...added!, ...updated!, ...removed!];
        this.send(
          awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
        );
      },
    );
    relay.connect(this.socket, { boardId, role: canWrite ? 'edit' : 'view', canWrite });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
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

  /** Stops the awareness timers; call at the end of every test. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  get closeCode(): number | null {
    return this.socket.client.closeCode;
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
