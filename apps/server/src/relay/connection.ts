import type { Logger } from '../log.ts';
import type { RelayMetrics } from './metrics.ts';
import { CloseCode } from './protocol.ts';
import type { WebSocketLike } from './websocket-like.ts';

/** What the upgrade decided about a socket: which board, and whether it may write. */
export interface ConnectionAccess {
  boardId: string;
  /** For logs only ('edit', 'view', 'facilitator'). */
  role: string;
  canWrite: boolean;
}

let nextConnectionId = 1;

/** One client socket on one room. Knows nothing of the protocol: it sends, closes, and counts. */
export class Connection {
  readonly id = nextConnectionId++;
  readonly boardId: string;
  readonly role: string;
  readonly canWrite: boolean;
  /** Time of the last frame sent, for keepalives (R15). */
  lastSentAt = Date.now();
  /**
   * Extra backlog tolerated on top of maxBufferedBytes: the largest full-state reply sent, so a
   * board bigger than the bound can still be joined (R13).
   */
  #backlogAllowance = 0;
  #open = true;
  readonly #socket: WebSocketLike;
  readonly #maxBufferedBytes: number;
  readonly #metrics: RelayMetrics;
  readonly #log: Logger;

  constructor(
    socket: WebSocketLike,
    access: ConnectionAccess,
    options: { maxBufferedBytes: number; metrics: RelayMetrics; log: Logger },
  ) {
    this.#socket = socket;
    this.boardId = access.boardId;
    this.role = access.role;
    this.canWrite = access.canWrite;
    this.#maxBufferedBytes = options.maxBufferedBytes;
    this.#metrics = options.metrics;
    this.#log = options.log;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /**
   * Sends one frame. The same bytes may go to many connections: never mutate them. A receiver
   * that cannot keep up is closed so it reconnects and resyncs, rather than silently losing
   * frames or growing memory without bound (R13).
   */
  send(frame: Uint8Array): void {
    if (!this.#open) return;
    try {
      this.#socket.send(frame);
    } catch (error) {
      this.#log.warn('send_failed', { connection: this.id, error: error as Error });
      this.close(CloseCode.GOING_AWAY, 'send failed');
      return;
    }
    this.lastSentAt = Date.now();
    if (this.#socket.bufferedAmount > this.#maxBufferedBytes + this.#backlogAllowance) {
      this.#metrics.slowConsumersClosed++;
      this.#log.warn('slow_consumer_closed', {
        connection: this.id,
        board: this.boardId,
        bufferedBytes: this.#socket.bufferedAmount,
      });
      this.close(CloseCode.SLOW_CONSUMER, 'slow consumer');
    }
  }

  /** Sends a full-state frame (sync step 2), whose size raises the tolerated backlog. */
  sendState(frame: Uint8Array): void {
    if (frame.byteLength > this.#backlogAllowance) this.#backlogAllowance = frame.byteLength;
    this.send(frame);
  }

  /** Closes the socket once; the room learns of it through the socket's close event. */
  close(code: number, reason: string): void {
    if (!this.#open) return;
    this.#open = false;
    try {
      this.#socket.close(code, reason);
    } catch {
      // Already closing or closed: nothing more to do.
    }
  }

  /** Called when the socket reports its close: no more sends. */
  markClosed(): void {
    this.#open = false;
  }
}
