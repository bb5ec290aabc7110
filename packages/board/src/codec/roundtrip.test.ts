import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../board/board.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { localOrigin } from '../origin/origin.ts';
import type { FuzzPeer } from '../test/actions.ts';
import { randomAction } from '../test/actions.ts';
import { TERRITORIES } from '../test/fixtures.ts';
import { createRng, seededIds } from '../test/prng.ts';
import { exportBoard } from './export.ts';
import { serializeBoardFile } from './file.ts';
import { importBoard, parseBoardFile, parseBoardFileText } from './import.ts';
import { insertBoardFile } from './insert.ts';
import { checkInvariants } from '../invariants/invariants.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';
import { isShapeType } from '../shapes/registry.ts';

// More seeds for long runs: ROUNDTRIP_SEEDS=2000.
const SEEDS = Number(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[
    'ROUNDTRIP_SEEDS'
  ] ?? 60,
);

/** A random board: the convergence test's commands (incl. undo, corrupt and foreign records). */
function randomBoard(seed: number): Y.Doc {
  const rng = createRng(seed);
  const doc = new Y.Doc();
  initBoardDoc(doc, {
    title: `Conditions de succès — ${rng.pick(TERRITORIES)}`,
    kind: 'territory',
  });
  const board = new Board(doc, { newId: seededIds(rng, 0) });
  const me = localOrigin(`participant-${seed}`);
  const peer: FuzzPeer = { doc, board, me, undo: board.createUndoManager(me) };
  const steps = rng.int(0, 120);
  for (let i = 0; i < steps; i++) {
    try {
      randomAction(rng, peer);
    } catch {
      // Refused commands (M12) leave the board as it was; the property is about the rest.
    }
  }
  return doc;
}

describe('M16 property: export → import → export is identical', () => {
  it(`M16: ${SEEDS} seeded random boards, through the JSON text`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const first = exportBoard(randomBoard(seed));
      const text = serializeBoardFile(first);
      const again = exportBoard(importBoard(parseBoardFileText(text)));
      if (serializeBoardFile(again) !== text) {
        throw new Error(`round trip differs for ROUNDTRIP seed=${seed}`);
      }
      expect(again).toEqual(first);
    }
  }, 120_000);
});

describe('M31 property: a file imported into a board keeps its content and structure', () => {
  it(`M31: ${SEEDS} seeded random boards imported twice into a board with content`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const file = exportBoard(randomBoard(seed));
      const target = randomBoard(seed + 10_000);
      const board = new Board(target);
      const before = board.listShapes().length;
      const parsed = parseBoardFile(file);
      insertBoardFile(board, parsed, SERVER_ORIGIN);
      insertBoardFile(board, parsed, SERVER_ORIGIN);
      const known = file.shapes.filter((shape) => isShapeType(shape.type));
      const after = board.listShapes();
      const context = `M31 seed=${seed}`;
      expect(after.length, context).toBe(before + 2 * known.length);
      expect(checkInvariants(target), context).toEqual([]);
      // The imported part, on top, reads like the file: same types, parents and bindings.
      const copy = after.slice(after.length - known.length);
      const shape = (s: { type: string; parentId?: unknown }, all: readonly { id: string }[]) => [
        s.type,
        s.parentId === null ? null : all.findIndex((other) => other.id === s.parentId),
      ];
      expect(
        copy.map((s) => shape(s, copy)),
        context,
      ).toEqual(known.map((s) => shape(s as never, known)));
    }
  }, 120_000);
});
