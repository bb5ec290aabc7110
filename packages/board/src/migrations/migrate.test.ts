import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readMeta, shapesMapOf } from '../doc/layout.ts';
import { newTestBoard } from '../test/fixtures.ts';
import type { MigrationSet } from './migrate.ts';
import { migrateBoardDoc, migrateRecord } from './migrate.ts';

// A pretend schema 2 where notes renamed `colour` to `color` and stamps gained `size`.
const future: MigrationSet = {
  note: [
    {
      version: 2,
      up: ({ colour, ...rest }) => ({ ...rest, color: colour ?? 'yellow' }),
    },
  ],
  stamp: [{ version: 3, up: (record) => ({ ...record, size: 64 }) }],
};

describe('migrations', () => {
  it('M29: today every type’s migration list is empty, so records pass through', () => {
    const record = { id: 'shape:x', type: 'note', colour: 'pink' };
    expect(migrateRecord(record, 1)).toEqual(record);
  });

  it('M29: steps above `from` and up to `to` run in order; unknown types pass through', () => {
    const note = { id: 'shape:n', type: 'note', colour: 'pink' };
    expect(migrateRecord(note, 1, 2, future)).toEqual({
      id: 'shape:n',
      type: 'note',
      color: 'pink',
    });
    expect(migrateRecord(note, 2, 3, future)).toEqual(note);
    const stamp = { id: 'shape:s', type: 'stamp' };
    expect(migrateRecord(stamp, 1, 3, future)).toEqual({ ...stamp, size: 64 });
    const alien = { id: 'shape:a', type: 'hologram' };
    expect(migrateRecord(alien, 1, 3, future)).toEqual(alien);
  });

  it('M29: a document is migrated in one transaction and its schema version raised', () => {
    const { doc } = newTestBoard();
    const shapes = shapesMapOf(doc);
    const old = { id: 'shape:old', type: 'note', x: 0, y: 0, index: 'a0', colour: 'pink' };
    doc.transact(() => shapes?.set('shape:old', new Y.Map<unknown>(Object.entries(old))));
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(migrateBoardDoc(doc, { to: 2, migrations: future })).toBe(1);
    expect(transactions).toBe(1);
    expect(shapes?.get('shape:old')?.toJSON()).toEqual({
      id: 'shape:old',
      type: 'note',
      x: 0,
      y: 0,
      index: 'a0',
      color: 'pink',
    });
    expect(readMeta(doc)?.schemaVersion).toBe(2);
    expect(migrateBoardDoc(doc, { to: 2, migrations: future })).toBe(0);
  });
});
