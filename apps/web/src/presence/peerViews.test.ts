import { describe, expect, it } from 'vitest';
import type { Preview } from '../tools/types';
import type { Peer } from './presence';
import { marksOf, peopleOf, sameMarks, samePeople } from './peerViews';

function peer(clientId: number, patch: Partial<Peer> = {}): Peer {
  return {
    clientId,
    user: { id: `user:${clientId}`, name: clientId === 1 ? 'Ginette' : 'Réjean', color: '#2e86ab' },
    cursor: { x: 10, y: 20 },
    selection: [],
    preview: null,
    stroke: null,
    view: null,
    readOnly: false,
    ...patch,
  };
}

describe('people list view', () => {
  it('does not change when only cursors move', () => {
    const before = peopleOf([peer(1), peer(2)]);
    const after = peopleOf([peer(1, { cursor: { x: 300, y: 5 } }), peer(2, { cursor: null })]);
    expect(samePeople(before, after)).toBe(true);
  });

  it('changes when someone arrives, leaves, or is renamed', () => {
    const before = peopleOf([peer(1), peer(2)]);
    expect(samePeople(before, peopleOf([peer(1)]))).toBe(false);
    expect(samePeople(before, peopleOf([peer(1), peer(2), peer(3)]))).toBe(false);
    const renamed = peer(2, { user: { id: 'user:2', name: 'Réjeanne', color: '#2e86ab' } });
    expect(samePeople(before, peopleOf([peer(1), renamed]))).toBe(false);
  });
});

describe('interaction layer view', () => {
  it('leaves out peers with nothing selected and nothing previewed', () => {
    expect(marksOf([peer(1), peer(2, { selection: ['n1'] })]).map((m) => m.clientId)).toEqual([2]);
  });

  it('does not change when only cursors or views move', () => {
    const box: Preview = {
      kind: 'box',
      shapeType: 'rect',
      rect: { x: 0, y: 0, width: 40, height: 30 },
      color: '#2e86ab',
    };
    const before = marksOf([peer(1, { selection: ['n1', 'n2'] }), peer(2, { preview: box })]);
    const after = marksOf([
      peer(1, { selection: ['n1', 'n2'], cursor: { x: 1, y: 1 } }),
      peer(2, { preview: JSON.parse(JSON.stringify(box)) as Preview, cursor: null }),
    ]);
    expect(sameMarks(before, after)).toBe(true);
  });

  it('changes with a selection, a gesture, or a new frame of a stroke being drawn', () => {
    const drawn: Preview = { kind: 'stroke', points: [[0, 0, 0.5]], color: 'black', width: 4 };
    const before = marksOf([peer(1, { selection: ['n1'] }), peer(2, { preview: drawn })]);
    expect(
      sameMarks(before, marksOf([peer(1, { selection: ['n2'] }), peer(2, { preview: drawn })])),
    ).toBe(false);
    expect(sameMarks(before, marksOf([peer(1, { selection: ['n1'] })]))).toBe(false);
    // Renamed (« Changer de nom »): the name tagged on the selection changes with it.
    const renamed = { id: 'user:1', name: 'Ginette B.', color: '#2e86ab' };
    expect(
      sameMarks(
        before,
        marksOf([peer(1, { selection: ['n1'], user: renamed }), peer(2, { preview: drawn })]),
      ),
    ).toBe(false);
    const grown: Preview = {
      kind: 'stroke',
      points: [
        [0, 0, 0.5],
        [4, 4, 0.5],
      ],
      color: 'black',
      width: 4,
    };
    expect(
      sameMarks(before, marksOf([peer(1, { selection: ['n1'] }), peer(2, { preview: grown })])),
    ).toBe(false);
    expect(
      sameMarks(before, marksOf([peer(1, { selection: ['n1'] }), peer(2, { preview: drawn })])),
    ).toBe(true);
  });
});
