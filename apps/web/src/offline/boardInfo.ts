// The board's title and my role, remembered per board and link, so a board opens from its
// local copy when the server cannot be reached (a reload at a venue whose wifi dropped).
import { ApiError, fetchBoardInfo, type BoardInfo } from '../board/api';
import type { KeyValueStore } from './pending';
import { browserStore } from './storage';

/**
 * A short fingerprint of the token, so the link used (edit, view, facilitator) picks its own
 * remembered role. Not a secret and not a security check: the server checks the token itself
 * whenever it is reachable, and a cached role only decides what this page lets one try offline.
 */
export function tokenFingerprint(token: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function boardInfoKey(boardId: string, token: string): string {
  return `carton.boardInfo.${boardId}.${tokenFingerprint(token)}`;
}

function isBoardInfo(value: unknown, boardId: string): value is BoardInfo {
  const info = value as BoardInfo | null;
  return (
    typeof info === 'object' &&
    info !== null &&
    (info.role === 'edit' || info.role === 'view' || info.role === 'facilitator') &&
    typeof info.board?.title === 'string' &&
    info.board.id === boardId
  );
}

export interface LoadedBoardInfo {
  info: BoardInfo;
  /** True when the server could not be reached and the remembered info is used. */
  fromCache: boolean;
}

/** The board's info asked for as the page started (app/boardStart.ts), until a load takes it. */
let early: { boardId: string; token: string; answer: Promise<BoardInfo> } | null = null;

/**
 * Asks the server for the board's info now, while the board page's code is still on its way;
 * the page's first loadBoardInfo takes this answer instead of asking again.
 */
export function requestBoardInfoEarly(
  boardId: string,
  token: string,
  fetcher: (boardId: string, token: string) => Promise<BoardInfo> = fetchBoardInfo,
): Promise<BoardInfo> {
  const answer = fetcher(boardId, token);
  answer.catch(() => undefined); // handled by the load that takes it
  early = { boardId, token, answer };
  return answer;
}

/**
 * The early request's answer for this board and link, left for the load that takes it: the
 * first visit's name prompt (app/BoardRoute.tsx) waits for it, not for the board page's code.
 */
export function peekEarlyBoardInfo(boardId: string, token: string): Promise<BoardInfo> | null {
  return early && early.boardId === boardId && early.token === token ? early.answer : null;
}

/** The early request for this board and link, once: a retry (or a later visit) asks again. */
function takeEarlyRequest(boardId: string, token: string): Promise<BoardInfo> | null {
  const taken = early;
  early = null;
  return taken && taken.boardId === boardId && taken.token === token ? taken.answer : null;
}

/**
 * Asks the server (or takes the answer to the request made as the page started); remembers its
 * answer; falls back to the remembered one only when the network failed (a refused or unknown
 * link is never overridden by the cache).
 */
export async function loadBoardInfo(
  boardId: string,
  token: string,
  fetcher: (boardId: string, token: string) => Promise<BoardInfo> = fetchBoardInfo,
  store: KeyValueStore | null = browserStore(),
): Promise<LoadedBoardInfo> {
  const key = boardInfoKey(boardId, token);
  try {
    const info = await (takeEarlyRequest(boardId, token) ?? fetcher(boardId, token));
    try {
      store?.setItem(key, JSON.stringify(info));
    } catch {
      // Not remembered: the page still opens now.
    }
    return { info, fromCache: false };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // A link the server refuses (rotated, revoked, unknown board) is forgotten here too.
    if ([401, 403, 404].includes(error.status)) forgetBoardInfo(boardId, token, store);
    if (error.status !== 0) throw error;
    let cached: unknown;
    try {
      cached = JSON.parse(store?.getItem(key) ?? 'null');
    } catch {
      cached = null;
    }
    if (isBoardInfo(cached, boardId)) return { info: cached, fromCache: true };
    throw error;
  }
}

/** Forgets the remembered info (the server said the link no longer works). */
export function forgetBoardInfo(
  boardId: string,
  token: string,
  store: KeyValueStore | null = browserStore(),
): void {
  try {
    store?.removeItem(boardInfoKey(boardId, token));
  } catch {
    // Nothing remembered, nothing to forget.
  }
}

/** How often a link never opened here is tried again while the server cannot be reached. */
const RETRY_MS = 3000;

/**
 * Like loadBoardInfo, except that a link never opened on this device, while the server cannot
 * be reached, waits instead of failing (it said « Erreur : Failed to fetch » and stayed so after
 * the wifi came back): `onWaiting` is told, and the load is tried again as soon as the browser
 * says the network is back, and every few seconds (a server restarting), until `signal` aborts.
 */
export function loadBoardInfoWhenReachable(
  boardId: string,
  token: string,
  onWaiting: () => void,
  signal: AbortSignal,
  load: (boardId: string, token: string) => Promise<LoadedBoardInfo> = loadBoardInfo,
  retryMs = RETRY_MS,
): Promise<LoadedBoardInfo> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const online = typeof window === 'undefined' ? null : window;
    const stop = () => {
      clearTimeout(timer);
      online?.removeEventListener('online', retryNow);
    };
    function retryNow(): void {
      stop();
      attempt();
    }
    function attempt(): void {
      load(boardId, token).then(
        (loaded) => {
          if (!signal.aborted) resolve(loaded);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          if (!(error instanceof ApiError) || error.status !== 0) {
            reject(error);
            return;
          }
          onWaiting();
          online?.addEventListener('online', retryNow);
          timer = setTimeout(retryNow, retryMs);
        },
      );
    }
    signal.addEventListener('abort', stop, { once: true });
    attempt();
  });
}
