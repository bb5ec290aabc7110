// A board link starts what its page waits for as soon as the page's code runs, before React's
// first render, side by side: the board's info from the server, the board's copy on this device
// (IndexedDB) and the board page's code (Konva, Yjs: the largest chunk). The router asked for
// the code only once it rendered, the board page asked for the info only once that code had
// arrived and run, and the copy (which the socket waits for) was read only once the info had
// come: one wait after another. The typeface, which the board page waits for before drawing,
// was asked for only once the rest of the page's code had run (main.tsx), and the server's time
// (the forum's timer) only once the editor was on screen.
import { ApiError, isForumDeleted } from '../board/api';
import { measureClockOffsetEarly } from '../forum/api';
import { requestBoardInfoEarly } from '../offline/boardInfo';
import { loadFonts } from '../shapes/common/loadFonts';
import type { Route } from './route';

/** The board page's code: one import, shared by the router's lazy page and the start below. */
export const loadBoardPage = () => import('../board/BoardPage');

export interface BoardStart {
  loadBoardPage: () => Promise<unknown>;
  requestBoardInfo: (boardId: string, token: string) => Promise<unknown>;
  openLocalCopy: (boardId: string) => void;
  /** The server refused the link: no session will take the copy. */
  dropLocalCopy: (boardId: string) => void;
  /** The board's forum was deleted from the server: what this device kept of it is erased. */
  eraseLocalCopy: (boardId: string) => void;
  /**
   * The board's socket (board/connection.ts), opened once `accepted` resolves (the server took
   * the link); its code is fetched meanwhile. The board's session takes it.
   */
  openConnection: (boardId: string, token: string, accepted: Promise<unknown>) => void;
  /** The server's time, for the forum's timer (forum/room.ts takes it). */
  requestServerTime: () => Promise<unknown>;
  /** Atkinson Hyperlegible, which the board page waits for (shapes/common/loadFonts.ts). */
  loadFonts: () => Promise<unknown>;
}

const pageStart: BoardStart = {
  loadBoardPage,
  requestBoardInfo: requestBoardInfoEarly,
  openLocalCopy: (boardId) =>
    void import('../offline/openingCopy').then((m) => m.openCopyEarly(boardId)),
  dropLocalCopy: (boardId) =>
    void import('../offline/openingCopy')
      .then((m) => m.dropEarlyCopy(boardId))
      .catch(() => undefined), // an undeleted empty database is no harm
  eraseLocalCopy: (boardId) =>
    void import('../offline/openingCopy')
      .then((m) => m.dropEarlyCopy(boardId, { erase: true }))
      .then(() => import('../offline/forgetBoard'))
      .then((m) => m.forgetBoardOnDevice(boardId))
      .catch(() => undefined), // a copy left behind is erased by the next visit's answer
  openConnection: (boardId, token, accepted) =>
    void Promise.all([import('../board/connection'), accepted])
      .then(([m]) => m.openConnectionEarly(boardId, token))
      .catch(() => undefined), // refused (dropped below), or the session opens its own
  requestServerTime: () => measureClockOffsetEarly(),
  loadFonts: () => loadFonts(),
};

/**
 * Starts a board route's info, copy, server time, typeface and code; other pages (home, forum,
 * projector) start nothing here.
 */
export function startBoardRoute(route: Route, start: BoardStart = pageStart): void {
  if (route.page !== 'board' || !route.token) return;
  const { boardId, token } = route;
  // The info first: its request goes out before the code's, which is larger.
  const info = start.requestBoardInfo(boardId, token);
  info.catch((error: unknown) => {
    if (isForumDeleted(error)) start.eraseLocalCopy(boardId);
    else if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
      start.dropLocalCopy(boardId);
    }
  });
  start.openLocalCopy(boardId);
  // The socket waits for the info's answer: a mistyped link must not also spend a refused
  // socket of the venue address's budget (server R32).
  start.openConnection(boardId, token, info);
  // Small, asked for without a token: a refused link wastes only this.
  start.requestServerTime().catch(() => undefined);
  // Here, not preloaded by index.html: on a phone's thin link that only puts its bytes ahead of
  // the entry's scripts (no sooner a first frame, measured); from here it goes out with the
  // info, and a laptop has it before the board's code instead of a round trip after.
  void start.loadFonts();
  // A failure here shows when the router imports the page again (its Suspense and error path).
  start.loadBoardPage().catch(() => undefined);
}
