// The offline path's frames are y-websocket's own: written as y-protocols writes them (byte for
// byte, with lengths of one, two and three var-uint bytes) and read back from what it writes.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessMessage } from '../presence/ownAwareness';
import { stateQuery } from './answerWatch';
import { MESSAGE_SYNC, readSyncFrame, syncFrame } from './syncFrame';

/** A board's document with `notes` postcards of the seed's text: payloads of growing size. */
function board(notes: number): Y.Doc {
  const doc = new Y.Doc();
  const shapes = doc.getMap<string>('shapes');
  for (let i = 0; i < notes; i++) {
    shapes.set(`note-${i}`, `Se doter d’une vision commune du développement du territoire (${i})`);
  }
  return doc;
}

/** What y-websocket sends: message type, then y-protocols' sync message. */
function stock(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('sync and awareness frames', () => {
  // 0 notes: a 1-byte payload; 2: > 127 bytes; 400: > 16 383 bytes (three length bytes).
  const docs = [0, 2, 400].map(board);

  it('syncFrame writes y-protocols’ step 1, step 2 and update byte for byte', () => {
    expect(Y.encodeStateAsUpdate(docs[2]!).byteLength).toBeGreaterThan(16_384);
    for (const doc of docs) {
      const vector = Y.encodeStateVector(doc);
      const update = Y.encodeStateAsUpdate(doc);
      expect(syncFrame(0, vector)).toEqual(stock((e) => syncProtocol.writeSyncStep1(e, doc)));
      // The offline watch's probe is y-websocket's own step 1.
      expect(stateQuery(doc)).toEqual(stock((e) => syncProtocol.writeSyncStep1(e, doc)));
      expect(syncFrame(1, update)).toEqual(
        stock((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]))),
      );
      expect(syncFrame(2, update)).toEqual(stock((e) => syncProtocol.writeUpdate(e, update)));
    }
  });

  it('readSyncFrame reads what y-protocols writes; awareness is not sync; a cut frame throws', () => {
    const doc = docs[2]!;
    const update = Y.encodeStateAsUpdate(doc);
    const frame = stock((e) => syncProtocol.writeUpdate(e, update));
    expect(readSyncFrame(frame)).toEqual({ syncType: 2, payload: update });
    // A frame received inside a larger buffer (a view): only its own bytes are read.
    const inside = new Uint8Array(frame.byteLength + 8);
    inside.set(frame, 4);
    expect(readSyncFrame(inside.subarray(4, 4 + frame.byteLength))?.payload).toEqual(update);
    expect(() => readSyncFrame(inside.subarray(4, 4 + frame.byteLength - 1))).toThrow();
    expect(() => readSyncFrame(new Uint8Array())).toThrow();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ name: 'Marie-Anne', territory: 'Témiscouata' });
    expect(readSyncFrame(awarenessMessage(encodeAwarenessUpdate(awareness, [doc.clientID])))).toBe(
      null,
    );
    awareness.destroy();
  });

  it('awarenessMessage is y-websocket’s awareness frame byte for byte', () => {
    for (const size of [10, 200, 20_000]) {
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      awareness.setLocalState({ name: 'Rimouski-Neigette'.repeat(Math.ceil(size / 17)) });
      const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, update);
      const frame = awarenessMessage(update);
      expect(frame).toEqual(encoding.toUint8Array(encoder));
      const decoder = decoding.createDecoder(frame);
      expect(decoding.readVarUint(decoder)).toBe(1);
      expect(decoding.readVarUint8Array(decoder)).toEqual(update);
      awareness.destroy();
    }
  });
});
