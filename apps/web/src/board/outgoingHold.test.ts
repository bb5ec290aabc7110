import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { OutgoingHold, type HeldCopy, type UpdateSender } from './outgoingHold';

const LOCAL = { kind: 'local', userId: 'user:a' };

/** A provider as y-websocket's: its listener sends every update not its own. */
function fakeProvider(doc: Y.Doc): UpdateSender & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const provider = {
    doc,
    sent,
    _updateHandler: (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) sent.push(update);
    },
  };
  doc.on('update', provider._updateHandler);
  return provider;
}

function fakeCopy(doc: Y.Doc): HeldCopy & { stored: Uint8Array[] } {
  const stored: Uint8Array[] = [];
  let held: ((origin: unknown) => boolean) | null = null;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (!held?.(origin)) stored.push(update);
  });
  return {
    stored,
    holdBack: (h) => (held = h),
    storeHeld: (update) => {
      held = null;
      if (update) stored.push(update);
    },
  };
}

const write = (doc: Y.Doc, key: string, origin: unknown = LOCAL) =>
  doc.transact(() => doc.getMap('board').set(key, `Condition ${key}`), origin);

describe('OutgoingHold', () => {
  it('sends the parts written meanwhile as ONE update, then lets writes go as before', async () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const copy = fakeCopy(doc);
    const hold = new OutgoingHold(provider, copy);
    write(doc, 'a');
    write(doc, 'b');
    write(doc, 'c');
    // A change from the server meanwhile: applied, stored, never sent back.
    const other = new Y.Doc();
    write(other, 'd');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(provider.sent).toHaveLength(0);
    expect(copy.stored).toHaveLength(1);

    let merges = 0;
    await hold.release(async (updates) => {
      merges += 1;
      // Written while the merge runs (in a worker): it follows, in order.
      write(doc, 'e');
      return Y.mergeUpdates(updates);
    });
    expect(merges).toBe(1);
    expect(provider.sent).toHaveLength(2);
    const server = new Y.Doc();
    Y.applyUpdate(server, provider.sent[0]!);
    expect([...server.getMap('board').keys()].sort()).toEqual(['a', 'b', 'c']);
    Y.applyUpdate(server, provider.sent[1]!);
    expect(server.getMap('board').get('e')).toBe('Condition e');
    // The device's copy got the same: the server's change, then the import whole, then 'e'.
    expect(copy.stored).toHaveLength(3);

    write(doc, 'f');
    expect(provider.sent).toHaveLength(3);
    expect(copy.stored).toHaveLength(4);
  });

  it('a merge that fails still sends every part, one by one', async () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const hold = new OutgoingHold(provider);
    write(doc, 'a');
    write(doc, 'b');
    await hold.release(() => Promise.reject(new Error('worker gone')));
    expect(provider.sent).toHaveLength(2);
  });

  /** A provider whose socket is open, as y-websocket's, and a server doc behind it. */
  function connected(doc: Y.Doc) {
    const frames: Uint8Array[] = [];
    const ws = { readyState: 1, send: (data: Uint8Array) => frames.push(data) };
    const provider = Object.assign(fakeProvider(doc), {
      ws,
      wsconnected: true,
      // As y-websocket's: a sync message read, its answer written to the encoder.
      messageHandlers: [
        (encoder: encoding.Encoder, decoder: decoding.Decoder) => {
          encoding.writeVarUint(encoder, 0);
          syncProtocol.readSyncMessage(decoder, encoder, doc, provider);
        },
      ],
    });
    const server = new Y.Doc();
    write(server, 'x', null);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), provider);
    /** The server's step 1 on a new socket, read as y-websocket's readMessage does. */
    const reconnect = () => {
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, 0);
      syncProtocol.writeSyncStep1(step1, server);
      const decoder = decoding.createDecoder(encoding.toUint8Array(step1));
      const encoder = encoding.createEncoder();
      const handler = provider.messageHandlers[decoding.readVarUint(decoder)]!;
      handler(encoder, decoder, provider as never, true, 0);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    };
    /** What the server holds once it read every frame sent (`updates`: and every update). */
    const serverKeys = (updates = false) => {
      for (const frame of frames.splice(0)) {
        const decoder = decoding.createDecoder(frame);
        decoding.readVarUint(decoder);
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), server, 'client');
      }
      if (updates) for (const update of provider.sent.splice(0)) Y.applyUpdate(server, update);
      return [...server.getMap('board').keys()].sort();
    };
    return { provider, frames, reconnect, serverKeys };
  }

  it('a socket reconnecting meanwhile gets nothing of the parts but as the one update at the end', async () => {
    const doc = new Y.Doc();
    const { provider, frames, reconnect, serverKeys } = connected(doc);
    const hold = new OutgoingHold(provider);
    write(doc, 'a');
    write(doc, 'b');
    // The socket drops and comes back: the server's step 1 waits, nothing of a or b goes.
    reconnect();
    expect(frames).toHaveLength(0);
    write(doc, 'c');
    await hold.release(async (updates) => Y.mergeUpdates(updates));
    // The step 1 answered, with none of the import; the import whole, as one update.
    expect(frames).toHaveLength(1);
    expect(provider.sent).toHaveLength(1);
    expect(serverKeys()).toEqual(['x']);
    expect(serverKeys(true)).toEqual(['a', 'b', 'c', 'x']);
    // The provider's own handler is back: a later step 1 is answered at once.
    reconnect();
    expect(frames).toHaveLength(1);
  });

  it('changes made offline before the import go in the answer, the import with them, once', async () => {
    const doc = new Y.Doc();
    const { provider, frames, reconnect, serverKeys } = connected(doc);
    provider.wsconnected = false;
    write(doc, 'hors-ligne');
    provider.sent.length = 0; // sent to no socket
    const hold = new OutgoingHold(provider);
    write(doc, 'a');
    provider.wsconnected = true;
    reconnect();
    expect(frames).toHaveLength(0);
    write(doc, 'b');
    await hold.release(async (updates) => Y.mergeUpdates(updates));
    expect(frames).toHaveLength(1);
    expect(provider.sent).toHaveLength(0);
    expect(serverKeys()).toEqual(['a', 'b', 'hors-ligne', 'x']);
  });
});
