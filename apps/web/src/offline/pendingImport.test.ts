// A large change (an import written in parts, export/writeInSteps.ts) and the pending count: the
// parts are one change, and asking the server whether it holds them does not bring them back.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingChanges } from './pending';
import { readSyncFrame, syncFrame } from './syncFrame';

const LOCAL = { kind: 'local' };
const isLocal = (origin: unknown) => origin === LOCAL;

/** Parts of an import: each writes other keys (other shapes), as writeInSteps does. */
function writeParts(doc: Y.Doc, parts: number, perPart: number): void {
  for (let p = 0; p < parts; p++) {
    doc.transact(() => {
      for (let i = 0; i < perPart; i++) {
        doc.getMap('board').set(`note-${p}-${i}`, `Condition de succès nº ${p * perPart + i}`);
      }
    }, LOCAL);
  }
}

/** The relay's answer to a sync step 1 frame: what the client lacks, as sync step 2. */
function serverAnswer(server: Y.Doc, query: Uint8Array): Uint8Array {
  const message = readSyncFrame(query);
  expect(message?.syncType).toBe(0);
  return syncFrame(1, Y.encodeStateAsUpdate(server, message!.payload));
}

describe('PendingChanges and an import written in parts', () => {
  it('counts the parts written as one change while asOneChange lasts', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, null, 'k', isLocal, () => 0);
    const end = pending.asOneChange();
    writeParts(doc, 10, 20);
    end();
    expect(pending.count()).toBe(1);
    // After it, a write elsewhere is a change of its own again.
    doc.transact(() => doc.getMap('board').set('title', 'Témiscouata'), LOCAL);
    expect(pending.count()).toBe(2);
  });

  it('the confirmation query gets back a few bytes, not the whole import', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, null, 'k', isLocal, () => 0);
    const end = pending.asOneChange();
    writeParts(doc, 10, 100);
    end();
    const whole = Y.encodeStateAsUpdate(doc).byteLength;
    const server = new Y.Doc();

    // Not stored yet: nothing comes back, nothing is confirmed.
    const none = serverAnswer(server, pending.confirmationQuery()!);
    pending.observeServerFrame(none);
    expect(pending.count()).toBe(1);

    // Stored: the answer confirms it, and is a small part of what was sent.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const answer = serverAnswer(server, pending.confirmationQuery()!);
    expect(answer.byteLength).toBeLessThan(whole / 20);
    pending.observeServerFrame(answer);
    expect(pending.count()).toBe(0);
  });

  it('a server that holds only the first of two changes confirms that one', () => {
    const doc = new Y.Doc();
    let now = 0;
    const pending = new PendingChanges(doc, null, 'k', isLocal, () => now);
    writeParts(doc, 1, 50);
    const first = Y.encodeStateAsUpdate(doc);
    now += 5_000;
    writeParts(doc, 1, 50);
    expect(pending.count()).toBe(2);
    const server = new Y.Doc();
    Y.applyUpdate(server, first);
    pending.observeServerFrame(serverAnswer(server, pending.confirmationQuery()!));
    expect(pending.count()).toBe(1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    pending.observeServerFrame(serverAnswer(server, pending.confirmationQuery()!));
    expect(pending.count()).toBe(0);
  });
});
