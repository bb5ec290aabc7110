import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
});
