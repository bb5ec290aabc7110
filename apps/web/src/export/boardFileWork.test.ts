import { describe, expect, it } from 'vitest';
import { BoardFileError } from '@carton/board';
import { mergeImportUpdates, placeBoardFile, readBoardFile } from './boardFileWork';

const file = {
  format: 'carton-board',
  version: 1,
  meta: { schemaVersion: 1, title: 'Kamouraska', kind: 'territory' },
  shapes: [
    {
      id: 'shape:noteAAAAAAAAAAAAAAAAAAAA',
      type: 'note',
      x: 40,
      y: 100,
      rotation: 0,
      index: 'a1',
      parentId: 'shape:cartonAAAAAAAAAAAAAAAAAA',
      text: 'Transport collectif',
      color: 'yellow',
      w: 200,
      h: 200,
    },
    {
      id: 'shape:arrowAAAAAAAAAAAAAAAAAAA',
      type: 'arrow',
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a2',
      parentId: null,
      start: { x: 0, y: 0 },
      end: { x: 100, y: 100 },
      color: 'black',
      width: 2,
      startBinding: { shapeId: 'shape:noteAAAAAAAAAAAAAAAAAAAA', anchor: { x: 0.5, y: 0.5 } },
      endBinding: null,
    },
    {
      id: 'shape:cartonAAAAAAAAAAAAAAAAAA',
      type: 'carton',
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a0',
      parentId: null,
      w: 800,
      h: 600,
      title: 'Conditions présentes',
    },
  ],
};
const bytes = () => new TextEncoder().encode(JSON.stringify(file));

describe('boardFileWork', () => {
  it('places a file above the board: new ids, parents and bindings followed, file order kept', () => {
    const { file: parsed, read } = readBoardFile(bytes(), 1 << 20);
    expect(read.bounds).toEqual({ x0: 0, y0: 0, x1: 800, y1: 600 });
    const { records, skipped } = placeBoardFile(parsed, {
      stored: new Map(),
      offset: { x: 10, y: 20 },
      top: 'b05',
      userId: 'user:a',
    });
    expect(skipped).toBe(0);
    // Cartons first, arrows last: each names only what is written before it.
    expect(records.map((r) => r.type)).toEqual(['carton', 'note', 'arrow']);
    const [carton, note, arrow] = records;
    const fileIds = new Set(file.shapes.map((s) => s.id));
    expect(records.every((r) => !fileIds.has(r.id) && r.index > 'b05')).toBe(true);
    // Stacked in the order the file lists them (an export lists them bottom to top).
    expect(note!.index < arrow!.index && arrow!.index < carton!.index).toBe(true);
    expect(note!.parentId).toBe(carton!.id);
    expect(arrow!.type === 'arrow' && arrow!.startBinding?.shapeId).toBe(note!.id);
    expect([note!.x, note!.y]).toEqual([50, 120]);
  });

  it('a bad file is a BoardFileError, said as before', () => {
    expect(() => readBoardFile(new TextEncoder().encode('{"format": '), 1 << 20)).toThrow(
      BoardFileError,
    );
  });

  it('one update is merged into itself', () => {
    const update = new Uint8Array([0, 0]);
    expect(mergeImportUpdates([update])).toBe(update);
  });
});
