import {
  compilationHeading,
  type CompilationLanguage,
  Board,
  compileIncontournables,
  forumRoomName,
  readCompilation,
  readMeta,
  readVotes,
  toCsv,
  toMarkdown,
  type IncontournableItem,
  type Shape,
} from '@carton/board';
import type * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';

/** Reads a room's document (live room or storage); `read` must not keep the doc. */
export type DocReader = <T>(roomId: string, read: (doc: Y.Doc) => T) => Promise<T>;

export interface ForumCompilationResult {
  boardIds: string[];
  merges: Record<string, string>;
  /** Item keys the facilitator set aside (C7), found or not among today's notes. */
  setAsideKeys: string[];
  /** The list: items set aside are not in it. */
  items: IncontournableItem[];
  /** The items set aside that the chosen boards still hold, in the list's order. */
  setAside: IncontournableItem[];
}

/**
 * C6: by default the territories' boards and the postcard wall. A board without a territory
 * among them (« Autre tableau »: an export imported beside its territory's own board, R54) is
 * left out, or its copy of a territory's ideas would count them twice; it can still be chosen.
 */
export function defaultCompilationBoards(boards: readonly BoardRecord[]): string[] {
  return boards
    .filter((board) => board.kind !== 'plenary')
    .filter((board) => board.kind !== 'territory' || board.territory !== null)
    .map((board) => board.id);
}

/**
 * C6: « Les incontournables » of a forum: the chosen boards (`boardIds`, else the forum doc's
 * `compilation.boardIds`, else the default), the facilitator's merges and ideas set aside
 * (C7: apart from the list, so every use of `items` leaves them out), and the dots of every
 * vote of the forum. Boards of another forum are ignored.
 */
export async function compileForum(
  forumId: string,
  boards: readonly BoardRecord[],
  readDoc: DocReader,
  boardIds?: readonly string[],
): Promise<ForumCompilationResult> {
  const facilitation = await readDoc(forumRoomName(forumId), (doc) => ({
    compilation: readCompilation(doc),
    votes: readVotes(doc),
  }));
  const stored = facilitation.compilation?.boardIds ?? [];
  const wanted = boardIds ?? (stored.length > 0 ? stored : defaultCompilationBoards(boards));
  const byId = new Map(boards.map((board) => [board.id, board]));
  const chosen = [...new Set(wanted)].flatMap((id) => byId.get(id) ?? []);
  chosen.sort((a, b) => a.position - b.position);
  const sources = await Promise.all(
    chosen.map((board) =>
      readDoc(board.id, (doc) => ({
        boardId: board.id,
        title: readMeta(doc)?.title ?? board.title,
        territory: board.territory,
        shapes: listShapesOnce(doc),
      })),
    ),
  );
  // Each vote with its question: an item's dots are summed (C2, its rank) and said per question
  // (votesBy), since two votes of a forum may ask unrelated things of the same notes.
  const voteTallies = facilitation.votes.map((vote) => ({
    title: vote.title,
    counts: vote.counts,
  }));
  const merges = { ...(facilitation.compilation?.merges ?? {}) };
  const setAsideKeys = [...(facilitation.compilation?.setAside ?? [])];
  const compiled = compileIncontournables(sources, {
    merges,
    setAside: setAsideKeys,
    voteTallies,
  });
  return {
    boardIds: chosen.map((board) => board.id),
    merges,
    setAsideKeys,
    items: compiled.filter((item) => !item.setAside),
    setAside: compiled.filter((item) => item.setAside),
  };
}

/** A Board on a live doc listens to it: read, then let go. */
export function listShapesOnce(doc: Y.Doc): Shape[] {
  const board = new Board(doc);
  try {
    return board.listShapes();
  } finally {
    board.destroy();
  }
}

export const compilationTitle = (forumTitle: string, language: CompilationLanguage = 'fr-CA') =>
  `${compilationHeading(language)} — ${forumTitle}`;

/** The archive's incontournables.md and .csv. */
export async function compilationFiles(
  forum: { id: string; title: string },
  boards: readonly BoardRecord[],
  readDoc: DocReader,
): Promise<{ markdown: string; csv: string }> {
  const { items } = await compileForum(forum.id, boards, readDoc);
  return { markdown: toMarkdown(items, compilationTitle(forum.title)), csv: toCsv(items) };
}
