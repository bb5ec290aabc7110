import { randomBytes } from 'node:crypto';

/**
 * R63: the bus carries binary messages (Buffers, never strings): one byte of kind, the
 * publishing process's 16-byte instance id (so a process ignores its own messages), then the
 * payload as is — a Yjs update, an awareness update, or nothing.
 */
export const BusKind = {
  /** A document update, published once appended to storage. */
  UPDATE: 1,
  /** Awareness update (count, then entries) of the publisher's own clients. */
  AWARENESS: 2,
  /** A process just loaded the room: the others send their clients' presence. */
  QUERY_AWARENESS: 3,
  /** Re-read the room's stored state (the publisher's updates missed the bus). */
  RESYNC: 4,
  /** Access changed (a link replaced, a board removed): check connections again. */
  ACCESS_CHANGED: 5,
} as const;
export type BusKind = (typeof BusKind)[keyof typeof BusKind];

export const INSTANCE_ID_BYTES = 16;
const HEADER_BYTES = 1 + INSTANCE_ID_BYTES;

/**
 * Largest message put on the bus. An update past it (a board imported over HTTP) goes as a
 * RESYNC notice instead: the others read it from storage. Redis would otherwise hold it in
 * every subscriber's output buffer (and drop subscribers past 32 MiB).
 */
export const MAX_BUS_MESSAGE_BYTES = 2 * 1024 * 1024;

export function newInstanceId(): Buffer {
  return randomBytes(INSTANCE_ID_BYTES);
}

/** One allocation: header and payload in a single Buffer. */
export function encodeBusMessage(
  kind: BusKind,
  instanceId: Buffer,
  payload: Uint8Array | null = null,
): Buffer {
  const message = Buffer.allocUnsafe(HEADER_BYTES + (payload?.byteLength ?? 0));
  message[0] = kind;
  instanceId.copy(message, 1);
  if (payload) message.set(payload, HEADER_BYTES);
  return message;
}

export interface BusMessage {
  kind: BusKind;
  /** A copy: Yjs and the awareness keep slices of what they are given. */
  payload: Uint8Array;
}

/**
 * Null for our own messages and for anything that is not a Carton bus message — including one
 * larger than any process publishes (a hostile or corrupted publisher must not make every
 * process copy and apply hundreds of MiB).
 */
export function decodeBusMessage(message: Buffer, ownId: Buffer): BusMessage | null {
  if (message.byteLength < HEADER_BYTES || message.byteLength > MAX_BUS_MESSAGE_BYTES) return null;
  const kind = message[0]!;
  if (kind < BusKind.UPDATE || kind > BusKind.ACCESS_CHANGED) return null;
  if (message.compare(ownId, 0, INSTANCE_ID_BYTES, 1, HEADER_BYTES) === 0) return null;
  return { kind: kind as BusKind, payload: new Uint8Array(message.subarray(HEADER_BYTES)) };
}

/** What a WebSocket close frame allows for its reason (125 bytes less the 2-byte code). */
const MAX_CLOSE_REASON_BYTES = 123;
/** An access change whose code is not an application close code closes as a revoked link. */
const DEFAULT_ACCESS_CHANGE = { code: 4403, reason: 'access changed' };

/** ACCESS_CHANGED's payload: the close code (2 bytes) and the reason (UTF-8). */
export function encodeAccessChange(code: number, reason: string): Uint8Array {
  const text = closeReason(Buffer.from(reason, 'utf8'));
  const payload = Buffer.allocUnsafe(2 + text.byteLength);
  payload.writeUInt16BE(code, 0);
  text.copy(payload, 2);
  return payload;
}

/**
 * The close code and reason another process sent. They end up in `ws.close`, which throws on
 * a code outside 4000–4999 here or a reason over 123 bytes — and a socket whose close threw
 * would stay open though revoked: such values become 4403 and a shortened reason.
 */
export function decodeAccessChange(payload: Uint8Array): { code: number; reason: string } | null {
  if (payload.byteLength < 2) return null;
  const buffer = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const code = buffer.readUInt16BE(0);
  if (code < 4000 || code > 4999) return { ...DEFAULT_ACCESS_CHANGE };
  return { code, reason: closeReason(buffer.subarray(2)).toString('utf8') };
}

/** At most 123 bytes, cut before a character, never inside one. */
function closeReason(text: Buffer): Buffer {
  if (text.byteLength <= MAX_CLOSE_REASON_BYTES) return text;
  let end = MAX_CLOSE_REASON_BYTES;
  // Back up over UTF-8 continuation bytes (10xxxxxx) to a character's first byte.
  while (end > 0 && (text[end]! & 0xc0) === 0x80) end--;
  return text.subarray(0, end);
}
