import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import { docTitle, watchTitle } from './useBoardTitle';

describe('the board title read from the doc (R55)', () => {
  it('follows a rename made on another copy of the board, and only meta changes notify', () => {
    const server = new Y.Doc();
    initBoardDoc(server, { title: 'Conditions de succès — Kamouraksa', kind: 'territory' });
    const participant = new Y.Doc();
    expect(docTitle(participant)).toBeNull();
    let notified = 0;
    const stop = watchTitle(participant, () => notified++);
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(server));
    expect(docTitle(participant)).toBe('Conditions de succès — Kamouraksa');
    const afterSync = notified;
    expect(afterSync).toBeGreaterThan(0);

    // A note written: no notification.
    const board = new Board(participant);
    board.run(
      (tx) => tx.create('note', { x: 0, y: 0, text: 'Transport collectif' }),
      localOrigin('user-luc'),
    );
    expect(notified).toBe(afterSync);

    // The facilitator's rename reaches the participant.
    const before = Y.encodeStateVector(server);
    (server.getMap('board').get('meta') as Y.Map<unknown>).set(
      'title',
      'Conditions de succès — Kamouraska',
    );
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(server, before));
    expect(docTitle(participant)).toBe('Conditions de succès — Kamouraska');
    expect(notified).toBe(afterSync + 1);
    stop();
    board.destroy();
  });
});
