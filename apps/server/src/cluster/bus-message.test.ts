import { describe, expect, it } from 'vitest';
import {
  BusKind,
  decodeAccessChange,
  decodeBusMessage,
  encodeAccessChange,
  encodeBusMessage,
  MAX_BUS_MESSAGE_BYTES,
  newInstanceId,
} from './bus-message.ts';

const self = newInstanceId();
const other = newInstanceId();

describe('bus messages (R63)', () => {
  it('decodes another process’s update and ignores its own', () => {
    const message = encodeBusMessage(BusKind.UPDATE, other, new Uint8Array([1, 2, 3]));
    expect(decodeBusMessage(message, self)).toEqual({
      kind: BusKind.UPDATE,
      payload: new Uint8Array([1, 2, 3]),
    });
    expect(decodeBusMessage(message, other)).toBeNull();
  });

  it('ignores a message larger than any process publishes (a hostile publisher)', () => {
    const huge = encodeBusMessage(BusKind.UPDATE, other, new Uint8Array(MAX_BUS_MESSAGE_BYTES));
    expect(decodeBusMessage(huge, self)).toBeNull();
    const largest = encodeBusMessage(
      BusKind.UPDATE,
      other,
      new Uint8Array(MAX_BUS_MESSAGE_BYTES - 17),
    );
    expect(decodeBusMessage(largest, self)?.payload.byteLength).toBe(MAX_BUS_MESSAGE_BYTES - 17);
  });

  it('R67: an access change always decodes to a close code and reason ws.close accepts', () => {
    expect(decodeAccessChange(encodeAccessChange(4403, 'lien remplacé'))).toEqual({
      code: 4403,
      reason: 'lien remplacé',
    });
    // A code ws.close refuses (1005, 0, 65535) from a corrupted message: closed as revoked.
    for (const code of [0, 1005, 65535]) {
      expect(decodeAccessChange(encodeAccessChange(code, 'x'))?.code).toBe(4403);
    }
    // A reason of 120 accented characters is 240 bytes: shortened on a character boundary.
    const long = 'é'.repeat(120);
    const decoded = decodeAccessChange(encodeAccessChange(4404, long))!;
    expect(Buffer.byteLength(decoded.reason)).toBeLessThanOrEqual(123);
    expect(decoded.reason).toBe('é'.repeat(61));
    const raw = Buffer.concat([Buffer.from([0x11, 0x34]), Buffer.from('é'.repeat(100))]);
    expect(Buffer.byteLength(decodeAccessChange(raw)!.reason)).toBeLessThanOrEqual(123);
    expect(decodeAccessChange(raw)!.reason).not.toContain('\ufffd');
  });
});
