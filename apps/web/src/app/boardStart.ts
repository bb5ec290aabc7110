// A board link starts what its page waits for as soon as the page's code runs, before React's
// first render, side by side: the board's info from the server, the board's copy on this device
// (IndexedDB) and the board page's code (Konva, Yjs: the largest chunk). The router asked for
// the code only once it rendered, the board page asked for the info only once that code had
// arrived and run, and the copy (which the socket waits for) was read only once the info had
// come: one wait after another.
import { ApiError } from '../board/api';
import { requestBoardInfoEarly } from '../offline/boardInfo';
import type { Route } from './route';

/** The board page's code: one import, shared by the router's lazy page and the start below. */
export const loadBoardPage = () => import('../board/BoardPage');

export interface BoardStart {
  loadBoardPage: () => Promise<unknown>;
  requestBoardInfo: (boardId: string, token: string) => Promise<unknown>;
  openLocalCopy: (boardId: string) => void;
  /** The server refused the link: no session will take the copy. */
  dropLocalCopy: (boardId: string) => void;
}

const pageStart: BoardStart = {
  loadBoardPage,
  requestBoardInfo: requestBoardInfoEarly,
  openLocalCopy: (boardId) =>
    void import('../offline/openingCopy').then((m) => m.openCopyEarly(boardId)),
  dropLocalCopy: (boardId) =>
    void import('../offline/openingCopy').then((m) => m.dropEarlyCopy(boardId)),
};

/** Starts a board route's info, copy and code; other pages (home, forum, projector) start nothing. */
export function startBoardRoute(route: Route, start: BoardStart = pageStart): void {
  if (route.page !== 'board' || !route.token) return;
  const { boardId } = route;
  // The info first: its request goes out before the code's, which is larger.
  start.requestBoardInfo(boardId, route.token).catch((error: unknown) => {
    if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
      start.dropLocalCopy(boardId);
    }
  });
  start.openLocalCopy(boardId);
  // A failure here shows when the router imports the page again (its Suspense and error path).
  start.loadBoardPage().catch(() => undefined);
}
