// The forum day endpoints as the client uses them (Bearer token; (F) = facilitator only).
import type { TimerAction, TimerState, VoteState } from '@carton/board';
import { ApiError, apiRequest } from '../board/api';
import { saveFile } from '../export/saveFile';

export type BoardKind = 'plenary' | 'territory' | 'postcards';
export interface Link {
  token: string;
  url: string;
}
export interface ForumBoard {
  id: string;
  kind: BoardKind;
  title: string;
  territory: string | null;
}
export interface FacilitatorBoard extends ForumBoard {
  edit: Link | null;
  view: Link | null;
}
/** R58: a board taken out of the forum, kept so it can be brought back. */
export interface RemovedBoard extends ForumBoard {
  /** When it was removed, ms since the epoch. */
  removedAt: number;
}
export interface ForumDetails {
  forum: { id: string; title: string; date: string | null };
  facilitator: Link;
  boards: FacilitatorBoard[];
  /** R58: absent from a server older than the restore. */
  removedBoards?: RemovedBoard[];
}
export interface CreatedForum {
  forum: { id: string; title: string; date?: string | null };
  facilitator: Link;
  boards: (ForumBoard & { edit: Link; view: Link })[];
}
export interface VoteResult {
  boardId: string;
  shapeId: string;
  count: number;
  text: string;
  territory: string | null;
  boardTitle: string;
}
/** V1: a closed vote's dots by idea (the same idea on several notes added up, as C2). */
export interface VoteIdea {
  key: string;
  text: string;
  /** Notes saying it on the vote's boards. */
  count: number;
  sources: string[];
  votes: number;
}
export interface MyDots {
  dots: { boardId: string; shapeId: string }[];
  remaining: number;
}
export interface CompilationItem {
  key: string;
  /** The facilitator's words for it (C8), else the words most of its notes use (C2). */
  text: string;
  /** C8: its notes' words (C2), when the facilitator's replace them. */
  notesText?: string;
  count: number;
  territories: string[];
  /** Every board the idea was found on, by the name the downloads give it. */
  sources: string[];
  votes: number;
  notes: unknown[];
  mergedKeys: string[];
}
export interface Compilation {
  boardIds: string[];
  merges: Record<string, string>;
  items: CompilationItem[];
  /** Items the facilitator set aside (« Écartées »), out of `items` and the downloads (C7). */
  setAside: CompilationItem[];
  /** C9: pairs of ideas said different (`ideaPairKey`), not suggested; absent from older servers. */
  distinct?: string[];
  /** C6: the vote whose dots place the list (the one closed last); absent from older servers. */
  rankedBy?: { voteId: string; title: string } | null;
  /**
   * C10: the list as the plenary holds it (its area, the ideas in it, when a placing last
   * changed it: server time, null if not known); absent from older servers.
   */
  onPlenary?: { boardId: string; areaId: string; ideas: number; placedAt?: number | null } | null;
  /** C6: the version answered, the forum room's compiledAt; absent from older servers. */
  updatedAt?: number | null;
}

function call<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const headers = init.body !== undefined ? { 'Content-Type': 'application/json' } : undefined;
  return apiRequest(path, { ...init, headers }, token);
}

const forumPath = (forumId: string) => `/api/forums/${encodeURIComponent(forumId)}`;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
});

export function createForum(input: {
  title: string;
  date?: string;
  territories?: string[];
}): Promise<CreatedForum> {
  return call('/api/forums', null, json('POST', input));
}

/**
 * What of the forum day its archive did not bring back, counted per kind (ARCHIVE « Past the
 * import's limits »: the export's `facilitation.leftOut`, and an older archive's compilation cut
 * by the import); absent when nothing was.
 */
export interface ArchiveLeftOut {
  votes?: number;
  notes?: number;
  dots?: number;
  merges?: number;
  setAside?: number;
  wordings?: number;
  distinct?: number;
}
export type ImportedForum = CreatedForum & { leftOut?: ArchiveLeftOut };

/** ARCHIVE: a forum archive (.zip) becomes a new forum with new links (no token needed). */
export function importForumArchive(archive: Blob): Promise<ImportedForum> {
  return apiRequest('/api/forums/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: archive,
  });
}

/** R54 (F): one new board in the forum, empty or from a board file (validated by the server). */
export function createBoard(
  forumId: string,
  token: string,
  input: {
    title: string;
    kind?: 'territory' | 'postcards';
    territory?: string | null;
    file?: unknown;
    /** Without a file: start from the seed's template (a territory's carton and headings). */
    template?: boolean;
  },
): Promise<{ board: FacilitatorBoard & { edit: Link; view: Link } }> {
  return call(`${forumPath(forumId)}/boards`, token, json('POST', input));
}

/** R57 (F): corrects the forum's title or day. */
export function updateForum(
  forumId: string,
  token: string,
  changes: { title?: string; date?: string | null },
): Promise<{ forum: ForumDetails['forum'] }> {
  return call(forumPath(forumId), token, json('PATCH', changes));
}

/** R55 (F): corrects a board's territory (its title follows) or its title; links unchanged. */
export function renameBoard(
  forumId: string,
  token: string,
  boardId: string,
  name: { territory: string } | { title: string },
): Promise<{ board: ForumBoard }> {
  return call(
    `${forumPath(forumId)}/boards/${encodeURIComponent(boardId)}`,
    token,
    json('PATCH', name),
  );
}

/** R56 (F): takes a board (never the plenary) out of the forum; its links stop at once. */
export function removeBoard(forumId: string, token: string, boardId: string): Promise<unknown> {
  return call(`${forumPath(forumId)}/boards/${encodeURIComponent(boardId)}`, token, {
    method: 'DELETE',
  });
}

/**
 * Deletes the forum from the server for good: its boards, versions, photos, votes and links
 * (the facilitator's token only). Afterwards every link of the forum answers 410 forum_deleted.
 */
export function deleteForum(
  forumId: string,
  token: string,
): Promise<{ deleted: { id: string; title: string } }> {
  return call(forumPath(forumId), token, { method: 'DELETE' });
}

/** R68: what a copy did, board by board. */
export interface BoardCopyResult {
  copied: { boardId: string; created: number }[];
  refused: { boardId: string; code: string; message: string }[];
}

/** R68 (F): adds a board's content to other boards of the forum, right of what they hold. */
export function copyBoard(
  forumId: string,
  token: string,
  boardId: string,
  to: readonly string[],
  noteText: 'keep' | 'empty',
): Promise<BoardCopyResult> {
  return call(
    `${forumPath(forumId)}/boards/${encodeURIComponent(boardId)}/copy`,
    token,
    json('POST', { to, noteText }),
  );
}

/** R19: a board's content as its JSON export (the facilitator token reads every board). */
export function fetchBoardFile(boardId: string, token: string): Promise<unknown> {
  return call(`/api/boards/${encodeURIComponent(boardId)}/export.json`, token);
}

/** R58 (F): brings a removed board back with its same links and its content. */
export function restoreBoard(
  forumId: string,
  token: string,
  boardId: string,
): Promise<{ restored: ForumBoard }> {
  return call(`${forumPath(forumId)}/boards/${encodeURIComponent(boardId)}/restore`, token, {
    method: 'POST',
  });
}

export function fetchForum(forumId: string, token: string): Promise<ForumDetails> {
  return call(forumPath(forumId), token);
}

export function fetchForumBoards(
  forumId: string,
  token: string,
): Promise<{ forum: ForumDetails['forum']; boards: ForumBoard[] }> {
  return call(`${forumPath(forumId)}/boards`, token);
}

export function rotateLink(
  forumId: string,
  token: string,
  boardId: string,
  role: 'edit' | 'view',
): Promise<{ link: Link }> {
  const path = `${forumPath(forumId)}/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`;
  return call(path, token, { method: 'POST' });
}

export function fetchServerTime(): Promise<{ now: number }> {
  return call('/api/time', null);
}

/**
 * How far the server's clock is ahead of this device's (ms), for the forum's timer. Counted when
 * the answer arrives, so an answer asked for early and read later is as right as a fresh one.
 */
export function measureClockOffset(
  fetchTime: () => Promise<{ now: number }> = fetchServerTime,
): Promise<number> {
  return fetchTime().then(({ now }) => now - Date.now());
}

/** The offset asked for as a board link's page starts (app/boardStart.ts), until a room takes it. */
let earlyOffset: Promise<number> | null = null;

/** Asks the server's time now, before the board's code and its forum room exist. */
export function measureClockOffsetEarly(
  fetchTime?: () => Promise<{ now: number }>,
): Promise<number> {
  earlyOffset ??= measureClockOffset(fetchTime);
  earlyOffset.catch(() => undefined); // the room that takes it handles a failure
  return earlyOffset;
}

/**
 * The early offset if one was asked for (once: a later room, the clock maybe changed since,
 * asks again), else a new one.
 */
export function takeClockOffset(fetchTime?: () => Promise<{ now: number }>): Promise<number> {
  const taken = earlyOffset;
  earlyOffset = null;
  return taken ?? measureClockOffset(fetchTime);
}

export function postTimer(
  forumId: string,
  token: string,
  action: TimerAction,
): Promise<{ timer: TimerState; now: number }> {
  return call(`${forumPath(forumId)}/timer`, token, json('POST', action));
}

export function postSpotlight(
  forumId: string,
  token: string,
  spotlight: { active: boolean; boardId?: string; by?: string },
): Promise<unknown> {
  return call(`${forumPath(forumId)}/spotlight`, token, json('POST', spotlight));
}

export function openVote(
  forumId: string,
  token: string,
  vote: { title: string; boardIds: string[]; dotsPerParticipant: number },
): Promise<{ vote: VoteState }> {
  return call(`${forumPath(forumId)}/votes`, token, json('POST', vote));
}

export function closeVote(
  forumId: string,
  token: string,
  voteId: string,
): Promise<{ vote: VoteState; results: VoteResult[]; ideas?: VoteIdea[] }> {
  return call(`${forumPath(forumId)}/votes/${encodeURIComponent(voteId)}/close`, token, {
    method: 'POST',
  });
}

/** V5: opens a closed vote again, with its dots and each voter's remaining budget. */
export function reopenVote(
  forumId: string,
  token: string,
  voteId: string,
): Promise<{ vote: VoteState }> {
  return call(`${forumPath(forumId)}/votes/${encodeURIComponent(voteId)}/reopen`, token, {
    method: 'POST',
  });
}

export function fetchVote(
  forumId: string,
  token: string,
  voteId: string,
): Promise<{ vote: VoteState; results: VoteResult[] | null; ideas?: VoteIdea[] | null }> {
  return call(`${forumPath(forumId)}/votes/${encodeURIComponent(voteId)}`, token);
}

export function changeDot(
  forumId: string,
  token: string,
  voteId: string,
  method: 'POST' | 'DELETE',
  dot: { boardId: string; shapeId: string; voterId: string },
): Promise<MyDots> {
  return call(
    `${forumPath(forumId)}/votes/${encodeURIComponent(voteId)}/dots`,
    token,
    json(method, dot),
  );
}

export function fetchMyDots(
  forumId: string,
  token: string,
  voteId: string,
  voterId: string,
): Promise<MyDots> {
  const query = `?voterId=${encodeURIComponent(voterId)}`;
  return call(`${forumPath(forumId)}/votes/${encodeURIComponent(voteId)}/mine${query}`, token);
}

export function fetchCompilation(
  forumId: string,
  token: string,
  boardIds?: readonly string[],
): Promise<Compilation> {
  const query = boardIds?.length ? `?boards=${boardIds.map(encodeURIComponent).join(',')}` : '';
  return call(`${forumPath(forumId)}/compilation${query}`, token);
}

export function putCompilation(
  forumId: string,
  token: string,
  change: {
    boardIds?: string[];
    merges?: Record<string, string | null>;
    /** itemKey → true (set aside) or false (put back). */
    setAside?: Record<string, boolean>;
    /** C9: pair key → said different (true) or not any more (false). */
    distinct?: Record<string, boolean>;
  },
): Promise<Compilation> {
  return call(`${forumPath(forumId)}/compilation`, token, json('PUT', change));
}

/**
 * A refused download as an ApiError with the server's code (`archive_too_large`,
 * `storage_unavailable`…) from its `{ error: { code, message } }` body, so the page can say
 * why; a body that is not that (a proxy's page) keeps `download_failed` and the status.
 */
export async function downloadError(response: Response): Promise<ApiError> {
  let code = 'download_failed';
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: the status alone says what happened.
  }
  return new ApiError(response.status, code, message);
}

/**
 * Downloads `compilation.md` or `.csv` with the Bearer token (a plain link cannot carry it),
 * written in the page's language (an English page gets must-haves.md, in English).
 */
export async function downloadCompilation(
  forumId: string,
  token: string,
  format: 'md' | 'csv',
  language: string,
): Promise<void> {
  const english = language === 'en';
  const query = english ? '?lang=en' : '';
  const response = await fetch(`${forumPath(forumId)}/compilation.${format}${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw await downloadError(response);
  saveFile({
    blob: await response.blob(),
    name: `${english ? 'must-haves' : 'incontournables'}.${format}`,
  });
}

/** The file name a `Content-Disposition` header gives (its UTF-8 form first), else `fallback`. */
function attachmentName(header: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // A malformed name: keep the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

/** (F) Downloads the whole forum as a zip (every board, votes, images); resolves its file name. */
export async function downloadForumArchive(forumId: string, token: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${forumPath(forumId)}/archive.zip`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await downloadError(response);
  const name = attachmentName(response.headers.get('Content-Disposition'), 'forum.zip');
  saveFile({ blob: await response.blob(), name });
  return name;
}
