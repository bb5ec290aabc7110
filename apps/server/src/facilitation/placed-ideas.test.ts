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
import { placedIdeas, type PlacedList } from './placed-ideas.ts';
import { applyListPlan, listNoteId, planListPlacement } from './plenary-list.ts';

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
    record: null,
    dotted: new Set(),
    bounds: null,
  });
  applyListPlan(board, plan, { heading: 'Les incontournables' });
  const placed: PlacedList = { plenaryId: 'plen', record: plan.record };
  return { doc, board, areaId: plan.areaId, placed };
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
    const { doc, board, areaId, placed: list } = plenaryWith(items);
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
    const placed = await placedIdeas(list, readDoc, vote('v', 1, counts), [source]);
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
    // Without a record nothing is the server's: the ids alone are anyone's to compute.
    const none = { plenaryId: 'plen', record: null };
    expect(await placedIdeas(none, readDoc, vote('v', 1, counts), [source])).toEqual({});
  });

  it('a note at an idea’s id that the record does not hold takes none of its dots', async () => {
    const { doc, board, areaId, placed: list } = plenaryWith(items.slice(0, 1));
    // Someone writes a note at the id « Mobilisation » would get, inside the list's area.
    const forged = listNoteId(areaId, 'mobilisation');
    board.run(
      (tx) => tx.create('note', { id: forged, x: 0, y: 0, text: 'À moi', parentId: areaId }),
      localOrigin('participante'),
    );
    const readDoc = async <T>(_room: string, read: (d: Y.Doc) => T) => read(doc);
    const counts = { [`plen/${forged}`]: 4 };
    expect(await placedIdeas(list, readDoc, vote('v', 1, counts), [source])).toEqual({});
  });

  it('is placed by the vote closed last: not one still open, not several added up', () => {
    expect(latestClosedVote([])).toBeNull();
    expect(latestClosedVote([vote('open', null, {})])).toBeNull();
    const votes = [vote('morning', 10, {}), vote('list', 20, {}), vote('again', null, {})];
    expect(latestClosedVote(votes)?.id).toBe('list');
  });
});
