// Several suites of one file on one set of participants: each describe gets a blank board of its
// own, opened on the same pages. A new context, a server and a cold first load cost every file
// several seconds on a loaded CI machine; going to another board is a page load in a warm
// context. Use boardSuite (fixtures.ts) where a file has one board.
import { beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { newParticipant, type Participant } from '../support/browser';
import type { CartonServer } from '../support/server';
import { createTerritoryBoard, serverAndBrowser, openBoard, type BoardLinks } from './fixtures';

/** What a describe's tests use; read it inside hooks and tests, once `beforeAll` has run. */
export type FreshBoard<P extends string> = {
  readonly server: CartonServer;
  readonly browser: Browser;
  readonly board: BoardLinks;
} & { readonly [K in P]: Participant };

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
    const suite = {
      get server() {
        return base.server;
      },
      get browser() {
        return base.browser;
      },
      get board() {
        if (board === undefined) throw new Error('freshBoard: no board (read before beforeAll?)');
        return board;
      },
    };
    for (const handle of Object.keys(names)) {
      Object.defineProperty(suite, handle, {
        get: () => {
          const person = people.get(handle);
          if (person === undefined) throw new Error(`freshBoard: no ${handle} yet`);
          return person;
        },
      });
    }
    return suite as FreshBoard<P>;
  }

  return { freshBoard };
}
