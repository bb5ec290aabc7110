// Several suites of one file on one set of participants: each describe gets a blank board of its
// own, opened on the same pages. A new context, a server and a cold first load cost every file
// several seconds on a loaded CI machine; going to another board is a page load in a warm
// context. Use boardSuite (fixtures.ts) where a file has one board.
import { beforeAll } from 'vitest';
import { newParticipant, type Participant } from '../support/browser';
import {
  createTerritoryBoard,
  serverAndBrowser,
  openBoard,
  suiteView,
  type BoardLinks,
  type BoardSuite,
} from './fixtures';

/** What a describe's tests use; read it inside hooks and tests, once `beforeAll` has run. */
export type FreshBoard<P extends string> = BoardSuite<P>;

/**
 * Registers the file's server, Chromium and participants (by handle: `a: 'Émilie'`), each in a
 * context of their own, created once. Call the returned `freshBoard` inside each describe: before
 * its tests, a blank territory board is made and every participant opens it (in this order), so
 * the board, the camera, the selection and the undo history are the describe's own.
 */
export function participantsOnFreshBoards<P extends string>(
  names: Record<P, string>,
): { freshBoard: (territory?: string) => FreshBoard<P> } {
  const base = serverAndBrowser();
  const people = new Map<string, Participant>();

  beforeAll(async () => {
    for (const [handle, name] of Object.entries<string>(names)) {
      people.set(handle, await newParticipant(base.browser, name));
    }
  });

  function freshBoard(territory?: string): FreshBoard<P> {
    let board: BoardLinks | undefined;
    beforeAll(async () => {
      board = await createTerritoryBoard(base.server, territory);
      for (const person of people.values()) await openBoard(person.page, board.edit.url);
    });
    return suiteView<P>(
      base,
      Object.keys(names),
      () => {
        if (board === undefined) throw new Error('freshBoard: no board (read before beforeAll?)');
        return board;
      },
      (handle) => {
        const person = people.get(handle);
        if (person === undefined) throw new Error(`freshBoard: no ${handle} yet`);
        return person;
      },
    );
  }

  return { freshBoard };
}
