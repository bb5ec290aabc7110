// R14, R28: how large a WebSocket message each socket may send. A writer's catch-up (its first
// sync step 2, answering the server's sync step 1) carries everything it made offline in one
// message: after a long stretch it outgrew CARTON_MAX_MESSAGE_BYTES, `ws` closed it with 1009,
// and the stock client sent the same message again at every reconnection, for ever. So a
// writer may send a message as large as the board (catchUpMessageBytes) until that catch-up has
// arrived; from then on, and for view links from the start, CARTON_MAX_MESSAGE_BYTES again.
// What the message is allowed to be is the admission's (message-limits.ts): an update or
// presence sent in that window is still refused at its own limit (4413).
import type { WebSocket } from 'ws';
import type { Logger } from '../log.ts';

/**
 * `ws` has one `maxPayload` per server; its receiver reads it again at each frame's header
 * (`_maxPayload`, ws 8), which is what lets one socket's limit change once it is open.
 */
interface ReceiverLimit {
  _maxPayload: number;
}

function receiverOf(ws: WebSocket): ReceiverLimit | null {
  const receiver = (ws as unknown as { _receiver?: Partial<ReceiverLimit> | null })._receiver;
  return receiver && typeof receiver._maxPayload === 'number' ? (receiver as ReceiverLimit) : null;
}

/** Whether a sync step 2 (`[0, 1, …]`: lib0 var-uints below 128 are one byte each). */
const isSyncStep2 = (data: Uint8Array) => data.length >= 2 && data[0] === 0 && data[1] === 1;

export interface MessageSizes {
  /** The server's `maxPayload`: the largest any socket may send (a writer's catch-up). */
  readonly serverMax: number;
  /**
   * Sets a new socket's limit: the catch-up's for a writer, until its first sync step 2 (see
   * `seen`), else `maxMessageBytes`.
   */
  opened(ws: WebSocket, canWrite: boolean): void;
  /** Each message the socket sent, before the relay sees it. */
  seen(ws: WebSocket, data: Uint8Array): void;
}

export function messageSizes(
  limits: { maxMessageBytes: number; catchUpMessageBytes: number },
  log: Logger,
): MessageSizes {
  const { maxMessageBytes, catchUpMessageBytes } = limits;
  const waiting = new WeakSet<WebSocket>();
  let warned = false;
  const setLimit = (ws: WebSocket, bytes: number) => {
    const receiver = receiverOf(ws);
    if (receiver) {
      receiver._maxPayload = bytes;
    } else if (!warned) {
      // A `ws` without it: every socket keeps the catch-up's limit; the admission still
      // refuses each message past its own (4413), once it has arrived whole.
      warned = true;
      log.warn('ws_message_limit_fixed', { maxPayload: catchUpMessageBytes });
    }
  };
  return {
    serverMax: Math.max(maxMessageBytes, catchUpMessageBytes),
    opened(ws, canWrite) {
      if (canWrite && catchUpMessageBytes > maxMessageBytes) {
        waiting.add(ws);
        setLimit(ws, catchUpMessageBytes);
      } else {
        setLimit(ws, maxMessageBytes);
      }
    },
    seen(ws, data) {
      if (!waiting.has(ws) || !isSyncStep2(data)) return;
      waiting.delete(ws);
      setLimit(ws, maxMessageBytes);
    },
  };
}
