import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../test/prng.ts';
import { generateBoardFile } from '../test/generated-file.ts';
import { exportBoard } from './export.ts';
import { serializeBoardFile } from './file.ts';
import { importBoard, parseBoardFileText } from './import.ts';

const SEEDS = 200;

/** The document as another process gets it: encoded as an update (how it is stored and sent). */
function throughUpdate(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('M16 property: generated board files survive import and export', () => {
  it(`M16, M17: ${SEEDS} generated files (every type, long and bidirectional text) come back equal`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const file = generateBoardFile(createRng(seed), { maxShapes: 40 });
      const text = serializeBoardFile(file);
      const doc = throughUpdate(importBoard(parseBoardFileText(text)));
      const again = exportBoard(doc, { territory: file.meta.territory ?? null });
      // Compared as the file's JSON says it (JSON has no -0).
      expect(again, `generated file seed=${seed}`).toEqual(JSON.parse(text));
      const twice = exportBoard(
        throughUpdate(importBoard(parseBoardFileText(serializeBoardFile(again)))),
        { territory: file.meta.territory ?? null },
      );
      expect(serializeBoardFile(twice), `generated file seed=${seed}`).toBe(
        serializeBoardFile(again),
      );
    }
  }, 60_000);
});
