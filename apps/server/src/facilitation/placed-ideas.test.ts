// C6 with C10: which idea a dot on the list's notes on the plenary counts for, and which vote
// places the list (placed-ideas.ts; latestClosedVote, @carton/board). Through a real server: tests/integration/list-plenary-vote.
import { describe, expect, it } from 'vitest';
import {
  Board,
  compileIncontournables,
  initBoardDoc,
  latestClosedVote,
  localOrigin,
  type IncontournableItem,
  type VoteState,
} from '@carton/board';
import * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';
import { placedIdeas } from './placed-ideas.ts';
import {
  applyListPlan,
  listNoteId,
  PLACED_LIST_KEY,
  planListPlacement,
  readPlacedRecord,
} from './plenary-list.ts';

const record = (id: string, kind: BoardRecord['kind'], territory: string | null = null) =>
  ({ id, forumId: 'forum', position: 0, kind, title: territory ?? id, territory }) as BoardRecord;
const boards = [record('kam', 'territory', 'Kamouraska'), record('plen', 'plenary')];

function kamouraska() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  board.run((tx) => {
    ['Participation citoyenne', 'Bon leadership', 'Mobilisation'].forEach((text, n) =>
      tx.create('note', { x: n * 220, y: 0, text }),
    );
  }, localOrigin('participante'));
  return {
    boardId: 'kam',
    title: 'Kamouraska',
    territory: 'Kamouraska',
    shapes: board.listShapes(),
  };
}

/** The plenary with `items` placed on it by C10 (area id: a digest of the plenary). */
function plenaryWith(items: IncontournableItem[]) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Plénière', kind: 'plenary' });
  const board = new Board(doc);
  const plan = planListPlacement({
    boardId: 'plen',
    items,
    shapes: board.listShapes(),
    hasId: (id) => board.getShape(id) !== undefined,
    record: readPlacedRecord(doc),
    dotted: new Set(),
    bounds: null,
  });
  applyListPlan(board, plan, { heading: 'Les incontournables' });
  return { doc, board, areaId: plan.areaId };
}

const vote = (id: string, closedAt: number | null, counts: Record<string, number>): VoteState => ({
  id,
  title: id,
  boardIds: ['plen'],
  dotsPerParticipant: 5,
  state: closedAt === null ? 'open' : 'closed',
  openedAt: 0,
  closedAt,
  counts,
});

describe('C6: the room’s vote on the list placed on the plenary', () => {
  const source = kamouraska();
  const items = compileIncontournables([source], {
    wordings: { 'bon leadership': 'Un leadership partagé' },
  });

  it('counts each dotted list note for the idea it was placed for, even reworded (C8) or rewritten', async () => {
    const { doc, board, areaId } = plenaryWith(items);
    const id = (key: string) => listNoteId(areaId, key);
    // A participant rewrote the leadership note: still the idea it was placed for.
    board.run(
      (tx) => tx.update(id('bon leadership'), { text: 'Autre chose' }),
      localOrigin('participante'),
    );
    const readDoc = async <T>(_room: string, read: (d: Y.Doc) => T) => read(doc);
    const counts = {
      [`plen/${id('bon leadership')}`]: 3,
      [`plen/${id('participation citoyenne')}`]: 1,
      // Another note of the plenary is no note of the list.
      'plen/shape:aaaaaaaaaaaaaaaaaaaaaa': 2,
    };
    const placed = await placedIdeas(boards, readDoc, vote('v', 1, counts), [source]);
    expect(placed).toEqual({
      [`plen/${id('bon leadership')}`]: 'bon leadership',
      [`plen/${id('participation citoyenne')}`]: 'participation citoyenne',
    });
    const ranked = compileIncontournables([source], {
      wordings: { 'bon leadership': 'Un leadership partagé' },
      voteTallies: [{ title: 'v', counts }],
      placedNotes: placed,
    });
    expect(ranked.map((item) => [item.text, item.votes])).toEqual([
      ['Un leadership partagé', 3],
      ['Participation citoyenne', 1],
      ['Mobilisation', 0],
    ]);
    // The record lost (an archive restored keeps shapes, not this map): the ids still say it.
    doc.transact(() => doc.getMap(PLACED_LIST_KEY).clear());
    expect(await placedIdeas(boards, readDoc, vote('v', 1, counts), [source])).toEqual(placed);
  });

  it('is placed by the vote closed last: not one still open, not several added up', () => {
    expect(latestClosedVote([])).toBeNull();
    expect(latestClosedVote([vote('open', null, {})])).toBeNull();
    const votes = [vote('morning', 10, {}), vote('list', 20, {}), vote('again', null, {})];
    expect(latestClosedVote(votes)?.id).toBe('list');
  });
});
