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
import { importBoard, parseBoardFileText } from './import.ts';

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
  });
});
