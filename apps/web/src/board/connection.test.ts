import { describe, expect, it } from 'vitest';
import {
  dropEarlyConnection,
  openConnectionEarly,
  takeConnection,
  type BoardConnection,
} from './connection';

/** Connections that record how they were opened, taken and closed (no socket in a unit test). */
function fakeConnections() {
  const made: { boardId: string; early: boolean; taken: boolean; destroyed: boolean }[] = [];
  const create = (boardId: string, token: string, early: boolean) => {
    const record = { boardId, early, taken: false, destroyed: false };
    made.push(record);
    const connection = {
      boardId,
      token,
      take: () => {
        record.taken = true;
        return connection;
      },
      destroy: () => void (record.destroyed = true),
    };
    return connection as unknown as BoardConnection;
  };
  return { made, create };
}

describe('the board’s socket, opened as the page starts', () => {
  it('is taken by the board’s session: one socket, not a second one', () => {
    const { made, create } = fakeConnections();
    openConnectionEarly('b1', 't1', create);
    openConnectionEarly('b1', 't1', create); // opened once
    const taken = takeConnection('b1', 't1', create);
    expect(made).toEqual([{ boardId: 'b1', early: true, taken: true, destroyed: false }]);
    expect(taken.boardId).toBe('b1');
    // Taken once: the next session of the board (StrictMode, a retry) opens its own.
    takeConnection('b1', 't1', create);
    expect(made).toHaveLength(2);
    expect(made[1]).toMatchObject({ early: false, destroyed: false });
  });

  it('is closed when the session is for another link, or the page goes first', () => {
    const { made, create } = fakeConnections();
    openConnectionEarly('b1', 't1', create);
    takeConnection('b1', 't2', create); // the link changed meanwhile
    expect(made[0]).toMatchObject({ taken: false, destroyed: true });
    expect(made[1]).toMatchObject({ boardId: 'b1', early: false });
    openConnectionEarly('b2', 't1', create);
    dropEarlyConnection('b3'); // not this board's
    expect(made[2]!.destroyed).toBe(false);
    dropEarlyConnection('b2');
    expect(made[2]!.destroyed).toBe(true);
  });
});
