// C10: where the server keeps what it placed on the plenary (placed-record.ts): the forum's doc,
// which participants cannot write (F2); an older forum's plenary record read until the next
// placing. Through a real server: tests/integration/plenary-list-forged.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AREA_ID_PREFIX,
  LEGACY_NOTES_KEY,
  LEGACY_RECORD_KEY,
  LIST_NOTE_ID_PREFIX,
  markRecordKept,
  readRecordSource,
  resolveRecord,
  wordsDigest,
  writeRecord,
  type PlacedRecord,
} from './placed-record.ts';

const AREA = `${AREA_ID_PREFIX}aaaaaaaaaaaaaaaaaaaaaa`;
const NOTE = `${LIST_NOTE_ID_PREFIX}bbbbbbbbbbbbbbbbbbbbbb`;
const record: PlacedRecord = {
  areaId: AREA,
  columns: 3,
  nextSlot: 1,
  placed: { [NOTE]: wordsDigest('Logement') },
};

/** A plenary as the server left it before the record moved to the forum doc. */
function olderPlenary(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const root = doc.getMap<unknown>(LEGACY_RECORD_KEY);
    root.set('areaId', AREA);
    root.set('columns', 3);
    root.set('nextSlot', 1);
    doc.getMap<unknown>(LEGACY_NOTES_KEY).set(NOTE, 'Logement');
  });
  return doc;
}

describe('C10: the record of what was placed', () => {
  it('a forum that keeps it reads only its own, never the plenary’s', () => {
    const forum = new Y.Doc();
    markRecordKept(forum);
    // Whatever the plenary's root maps say (any participant writes them), nothing was placed.
    expect(resolveRecord(readRecordSource(forum, 'plen'), olderPlenary())).toBeNull();
    writeRecord(forum, 'plen', record);
    expect(resolveRecord(readRecordSource(forum, 'plen'), new Y.Doc())).toEqual(record);
    // A record for another plenary is none for this one.
    expect(readRecordSource(forum, 'other')).toEqual({ kept: 'forum', record: null });
  });

  it('an older forum reads its plenary’s record, words digested, until the forum keeps one', () => {
    const forum = new Y.Doc();
    const source = readRecordSource(forum, 'plen');
    expect(source).toEqual({ kept: 'plenary' });
    expect(resolveRecord(source, olderPlenary())).toEqual(record);
    // A spoiled one (any writer of the plenary could) is read as lost.
    const spoiled = olderPlenary();
    spoiled.getMap<unknown>(LEGACY_RECORD_KEY).set('nextSlot', 1e12);
    expect(resolveRecord(source, spoiled)).toBeNull();
  });

  it('keeps when the list was placed; a spoiled time is not known', () => {
    const forum = new Y.Doc();
    writeRecord(forum, 'plen', { ...record, placedAt: 1_700_000_000_000 });
    expect(resolveRecord(readRecordSource(forum, 'plen'), new Y.Doc())).toEqual({
      ...record,
      placedAt: 1_700_000_000_000,
    });
    // Written unchanged: nothing written.
    const updates: Uint8Array[] = [];
    forum.on('update', (update: Uint8Array) => updates.push(update));
    writeRecord(forum, 'plen', { ...record, placedAt: 1_700_000_000_000 });
    expect(updates).toEqual([]);
    forum.getMap<unknown>('plenary-list').set('placedAt', 'hier');
    expect(resolveRecord(readRecordSource(forum, 'plen'), new Y.Doc())).toEqual(record);
  });

  it('only ids of the list’s form, and words kept short, are read from the forum doc', () => {
    const forum = new Y.Doc();
    writeRecord(forum, 'plen', {
      ...record,
      placed: { ...record.placed, 'shape:other': 'x', [`${NOTE}c`]: 'y'.repeat(100) },
    });
    const read = readRecordSource(forum, 'plen');
    expect(read.kept === 'forum' && read.record?.placed).toEqual({
      [NOTE]: wordsDigest('Logement'),
      [`${NOTE}c`]: '',
    });
  });
});
