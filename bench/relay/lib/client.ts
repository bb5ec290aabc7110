// A stock y-websocket client (WebsocketProvider, no BroadcastChannel, `ws` as WebSocket) on a
// board, with counters at its socket and latency probes: an edit moves the client's own note with
// x = send time; a cursor is an awareness state carrying its send time.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import { sendOnlyOwnAwareness } from '../../../apps/web/src/presence/ownAwareness.ts';
import type { BenchServer, BoardAccess } from './servers.ts';

export interface SocketCounters {
  messagesIn: number;
  bytesIn: number;
  /** Arrival time of the last message (performance.now()). */
  lastMessageAt: number;
  socket: WebSocket | null;
}

/** Where clients report what they measure; reset between warm-up and measurement. */
export class Recorder {
  editLatencies: number[] = [];
  cursorLatencies: number[] = [];
  editsReceived = 0;
  cursorsReceived = 0;
  recording = false;
  reset(): void {
    this.editLatencies = [];
    this.cursorLatencies = [];
    this.editsReceived = 0;
    this.cursorsReceived = 0;
  }
}

function countingSocket(counters: SocketCounters): typeof WebSocket {
  return class CountingSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      counters.socket = this;
      // Registered before the provider's onmessage: runs first, so its time is the arrival.
      this.on('message', (data: ArrayBuffer | Buffer) => {
        counters.messagesIn++;
        counters.bytesIn += data.byteLength;
        counters.lastMessageAt = performance.now();
      });
    }
  } as typeof WebSocket;
}

/** Raw TCP bytes through a client's socket (ws keeps the net.Socket as `_socket`). */
export function socketBytes(counters: SocketCounters): { read: number; written: number } {
  const raw = (counters.socket as unknown as { _socket?: Socket } | null)?._socket;
  return { read: raw?.bytesRead ?? 0, written: raw?.bytesWritten ?? 0 };
}

const ORIGIN_PREFIX = 'bench-';

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly board = new Board(this.doc);
  readonly provider: WebsocketProvider;
  readonly counters: SocketCounters = { messagesIn: 0, bytesIn: 0, lastMessageAt: 0, socket: null };
  readonly origin;
  /** The note this client moves. */
  noteId: string | null = null;
  editsSent = 0;
  lastSent: { x: number; y: number } | null = null;

  /**
   * `ownAwarenessOnly`: behave like Carton's web client, which sends only its own presence (the
   * stock provider re-sends every remote state it applies). Off by default: bench/relay compares
   * both servers under the same stock clients.
   */
  constructor(
    server: BenchServer,
    access: BoardAccess,
    recorder: Recorder | null,
    name: string,
    options: { ownAwarenessOnly?: boolean } = {},
  ) {
    this.origin = localOrigin(ORIGIN_PREFIX + name);
    this.provider = new WebsocketProvider(server.syncUrl, access.room, this.doc, {
      params: access.params,
      disableBc: true,
      // ws is the WebSocket of Node 20 tests; its types differ from the DOM's.
      WebSocketPolyfill: countingSocket(this.counters) as unknown as typeof globalThis.WebSocket,
    });
    if (options.ownAwarenessOnly) sendOnlyOwnAwareness(this.provider);
    if (recorder) this.#probe(recorder);
  }

  #probe(recorder: Recorder): void {
    const localOriginObject = this.origin;
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!recorder.recording || transaction.origin === localOriginObject) return;
      const now = performance.now();
      for (const [type, keys] of transaction.changed) {
        if (!keys.has('x')) continue;
        const x = (type as unknown as Y.Map<unknown>).get('x');
        if (typeof x !== 'number') continue;
        recorder.editsReceived++;
        recorder.editLatencies.push(now - x);
      }
    });
    const own = this.doc.clientID;
    this.provider.awareness.on(
      'change',
      (change: { added: number[]; updated: number[] }, origin: unknown) => {
        if (!recorder.recording || origin === 'local') return;
        const now = performance.now();
        const states = this.provider.awareness.getStates();
        for (const list of [change.added, change.updated]) {
          for (const id of list) {
            if (id === own) continue;
            const cursor = (states.get(id) as { c?: [number, number, number] } | undefined)?.c;
            if (!cursor) continue;
            recorder.cursorsReceived++;
            recorder.cursorLatencies.push(now - cursor[2]);
          }
        }
      },
    );
  }

  synced(timeoutMs = 30_000): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('client not synced in time')), timeoutMs);
      this.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Initialises an empty board (reference relay only: Carton's server does it). */
  initBoard(): void {
    initBoardDoc(this.doc, { title: 'Conditions de succès — Kamouraska', kind: 'territory' });
  }

  /** Creates `count` notes in transactions of at most `batch` notes; returns their ids. */
  createNotes(count: number, batch = 500): string[] {
    const ids: string[] = [];
    for (let done = 0; done < count; done += batch) {
      this.board.run((tx) => {
        for (let i = done; i < Math.min(count, done + batch); i++) {
          ids.push(
            tx.create('note', {
              x: (i % 100) * 220,
              y: Math.floor(i / 100) * 220,
              text: `Mobilisation des acteurs du territoire nº ${i + 1}`,
              color: 'yellow',
            }),
          );
        }
      }, this.origin);
    }
    return ids;
  }

  /** One edit: moves this client's note, x = send time (ms), y = sequence number. */
  moveNote(): void {
    const id = this.noteId;
    if (!id) return;
    const x = performance.now();
    const y = ++this.editsSent;
    this.lastSent = { x, y };
    this.board.run((tx) => tx.update(id, { x, y }), this.origin);
  }

  /** A cursor position carrying its send time. */
  moveCursor(): void {
    const t = performance.now();
    this.provider.awareness.setLocalStateField('c', [
      Math.round(t % 2000),
      Math.round(t % 1300),
      t,
    ]);
  }

  noteState(id: string): [unknown, unknown] | null {
    const map = this.doc.getMap('board').get('shapes') as Y.Map<Y.Map<unknown>> | undefined;
    const shape = map?.get(id);
    return shape ? [shape.get('x'), shape.get('y')] : null;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
