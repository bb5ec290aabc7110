// « Les incontournables » and a vote's ideas compiled with the event loop let go between steps
// (compile-forum.ts): at M37's limits one uninterrupted pass held every board's sync ~0.7–0.9 s.
import { describe, expect, it } from 'vitest';
import { Board, forumRoomName, initBoardDoc, localOrigin } from '@carton/board';
import * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';
import { compileForum, readSources, voteIdeas, type DocReader } from './compile-forum.ts';

const NOTES = 6_000;

function forumWithOneBigBoard(): { boards: BoardRecord[]; readDoc: DocReader } {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  board.run((tx) => {
    for (let n = 0; n < NOTES; n++) {
      tx.create('note', { x: (n % 100) * 220, y: Math.floor(n / 100) * 220, text: `Idée ${n}` });
    }
  }, localOrigin('participante'));
  board.destroy();
  const docs = new Map([
    [forumRoomName('forum'), new Y.Doc()],
    ['kamouraska', doc],
  ]);
  const readDoc: DocReader = async (roomId, read) => read(docs.get(roomId)!);
  const boards: BoardRecord[] = [
    {
      id: 'kamouraska',
      forumId: 'forum',
      position: 0,
      kind: 'territory',
      title: 'Kamouraska',
      territory: 'Kamouraska',
    },
  ];
  return { boards, readDoc };
}

/** How many times the event loop came round (setImmediate) while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns++;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  const value = await work();
  running = false;
  return { value, turns };
}

describe('compiling lets go of the event loop', () => {
  it('« Les incontournables » of 6,000 notes: the loop comes round while they are compiled', async () => {
    const { boards, readDoc } = forumWithOneBigBoard();
    const { value, turns } = await turnsDuring(() => compileForum('forum', boards, readDoc));
    expect(value.items).toHaveLength(NOTES);
    expect(value.items[0]?.text).toBe('Idée 0');
    // Notes and items, 2,000 at a time.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('a vote’s ideas over 6,000 dotted notes: the same', async () => {
    const { boards, readDoc } = forumWithOneBigBoard();
    const sources = await readSources(boards, readDoc);
    const dots = sources[0]!.shapes.map((shape) => ({
      boardId: 'kamouraska',
      shapeId: shape.id,
      count: 1,
    }));
    const { value, turns } = await turnsDuring(() => voteIdeas('forum', readDoc, sources, dots));
    expect(value).toHaveLength(NOTES);
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
