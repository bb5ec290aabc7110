/**
 * The little the relay needs from a socket. The adapter (src/http/upgrade.ts) wraps `ws`;
 * unit tests use an in-memory pair. The relay core never imports Hono or ws (lint rule).
 */
export interface WebSocketLike {
  /** Bytes queued but not yet written to the network; used to detect slow consumers (R13). */
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  onMessage(listener: (data: Uint8Array, isBinary: boolean) => void): void;
  onClose(listener: (code: number) => void): void;
  onError(listener: (error: Error) => void): void;
}
