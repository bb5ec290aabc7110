// y-websocket's sync messages (message 0, a sync type, then the payload as length-prefixed
// bytes), written and read with lib0, the encoding the protocol is defined in.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;

/** `[MESSAGE_SYNC, syncType, payload.length, ...payload]`, each number a lib0 var-uint. */
export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * A sync message's type and payload; null for another message (awareness). Throws on a frame
 * that ends early (lib0 reads a payload's view without checking it fits, so that is checked here).
 */
export function readSyncFrame(bytes: Uint8Array): { syncType: number; payload: Uint8Array } | null {
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoder.pos > bytes.length) throw new RangeError('frame ends early');
  return { syncType, payload };
}
