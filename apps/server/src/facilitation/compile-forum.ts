import {
  compilationHeading,
  type CompilationLanguage,
  Board,
  compileIncontournablesInSteps,
  forumRoomName,
  noteKey,
  readCompilation,
  readMeta,
  readVotes,
  toCsv,
  toMarkdown,
  type CompilationBoard,
  type IncontournableItem,
  latestClosedVote,
  type Shape,
  type VoteState,
} from '@carton/board';
import type * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';
import {
  isPlacedNote,
  listOnPlenary,
  placedIdeas,
  placedListOf,
  type ListOnPlenaryState,
  type PlacedList,
} from './placed-ideas.ts';
import { readRecordSource } from './placed-record.ts';

/**
 * The event loop let go between steps of a compile (every board's sync waits while it runs): at
 * M37's limits one pass held it ~0.7–0.9 s, a closed vote's ranking or « Les incontournables ».
 */
const letGo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads a room's document (live room or storage); `read` must not keep the doc. */
export type DocReader = <T>(roomId: string, read: (doc: Y.Doc) => T) => Promise<T>;

export interface ForumCompilationResult {
  boardIds: string[];
  merges: Record<string, string>;
  /** Item keys the facilitator set aside (C7), found or not among today's notes. */
  setAsideKeys: string[];
  /** C8: itemKey → the facilitator's words for the idea. */
  wordings: Record<string, string>;
  /** C9: pairs of ideas the facilitator said are different (`ideaPairKey`): not suggested. */
  distinct: string[];
  /** The vote whose dots place the list (the one closed last), or null. */
  rankedBy: { voteId: string; title: string } | null;
  /** The list: items set aside are not in it. */
  items: IncontournableItem[];
  /** The items set aside that the chosen boards still hold, in the list's order. */
  setAside: IncontournableItem[];
  /** C10: the list as placed on the plenary (read from the plenary), or null. */
  onPlenary: ListOnPlenaryState | null;
  /** The forum doc's `compilation.updatedAt` read (the forum room's compiledAt), or null. */
  updatedAt: number | null;
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
 * (C7: apart from the list, so every use of `items` leaves them out), and the dots of the vote
 * closed last (latestClosedVote), those on the list's notes on the plenary included (placedIdeas).
 * Boards of another forum are ignored.
 */
export async function compileForum(
  forumId: string,
  boards: readonly BoardRecord[],
  readDoc: DocReader,
  boardIds?: readonly string[],
): Promise<ForumCompilationResult> {
  const plenaryId = boards.find((board) => board.kind === 'plenary')?.id ?? '';
  const facilitation = await readDoc(forumRoomName(forumId), (doc) => ({
    compilation: readCompilation(doc),
    votes: readVotes(doc),
    record: readRecordSource(doc, plenaryId),
  }));
  const placed = await placedListOf(forumId, boards, readDoc, facilitation.record);
  const wanted = boardIds ?? compilationBoardIds(facilitation.compilation?.boardIds, boards);
  const chosen = boardsInOrder(boards, wanted);
  // C10: the list's own notes on the plenary are not participants' ideas: a plenary ticked for
  // the compilation would count every idea again. Only the notes the server placed: a note
  // someone gave an id of the list's form is theirs, and stays in the compilation.
  const sources = withoutPlacedNotes(await readSources(chosen, readDoc), placed);
  // One vote, one ranking: the vote closed last places the list (its question said in
  // votesBy), its dots on the list's notes on the plenary counted for their ideas (C10).
  const ranking = latestClosedVote(facilitation.votes);
  const voteTallies = ranking ? [{ title: ranking.title, counts: ranking.counts }] : [];
  const placedNotes = await placedIdeas(placed, readDoc, ranking, sources);
  const merges = { ...(facilitation.compilation?.merges ?? {}) };
  const setAsideKeys = [...(facilitation.compilation?.setAside ?? [])];
  const wordings = { ...(facilitation.compilation?.wordings ?? {}) };
  const compiled = await compileIncontournablesInSteps(
    sources,
    { merges, setAside: setAsideKeys, wordings, voteTallies, placedNotes },
    letGo,
  );
  return {
    boardIds: chosen.map((board) => board.id),
    merges,
    setAsideKeys,
    wordings,
    distinct: [...(facilitation.compilation?.distinct ?? [])],
    rankedBy: ranking ? { voteId: ranking.id, title: ranking.title } : null,
    items: compiled.filter((item) => !item.setAside),
    setAside: compiled.filter((item) => item.setAside),
    onPlenary: await listOnPlenary(placed, readDoc),
    updatedAt: facilitation.compilation?.updatedAt ?? null,
  };
}

/** C6: the boards the list is compiled from: the facilitator's choice, else the default. */
export function compilationBoardIds(
  stored: readonly string[] | undefined,
  boards: readonly BoardRecord[],
): readonly string[] {
  return stored && stored.length > 0 ? stored : defaultCompilationBoards(boards);
}

/** C10: the boards' notes without the notes the server placed on the plenary (its record's). */
const withoutPlacedNotes = (
  sources: readonly CompilationBoard[],
  placed: PlacedList | null,
): CompilationBoard[] =>
  sources.map((source) =>
    source.boardId === placed?.plenaryId && placed.record
      ? {
          ...source,
          shapes: source.shapes.filter((shape) => !isPlacedNote(placed, source.boardId, shape.id)),
        }
      : source,
  );

/** The forum's boards named in `ids` (once each, others ignored), in the forum's order. */
export function boardsInOrder(
  boards: readonly BoardRecord[],
  ids: readonly string[],
): BoardRecord[] {
  const byId = new Map(boards.map((board) => [board.id, board]));
  const chosen = [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  return chosen.sort((a, b) => a.position - b.position);
}

/**
 * The boards' notes as C1–C4 read them: each board's doc read once, one board at a time with
 * the event loop let go between them. A board nobody has open is rebuilt from storage (~0.3–0.5 s
 * for 10,000 notes, M37), and all of them at once held every board's sync for their sum: a vote
 * over 10 such boards, 15 s for one GET of its results, which any link of the forum may send.
 */
export async function readSources(
  boards: readonly BoardRecord[],
  readDoc: DocReader,
): Promise<CompilationBoard[]> {
  const sources: CompilationBoard[] = [];
  for (const board of boards) {
    if (sources.length > 0) await new Promise((resolve) => setImmediate(resolve));
    sources.push(
      await readDoc(board.id, (doc) => ({
        boardId: board.id,
        title: readMeta(doc)?.title ?? board.title,
        territory: board.territory,
        shapes: listShapesOnce(doc),
      })),
    );
  }
  return sources;
}

/** One idea of a vote's results (V1 `ideas`): its dots in this vote, summed over its notes. */
export interface VoteIdea {
  key: string;
  /** The idea's words as « Les incontournables » give them (most of its notes' words, C2). */
  text: string;
  /**
   * Notes saying it on the vote's boards, with dots or not (and on the compilation's boards
   * once a dot is on the list's notes placed on the plenary, C10); placed notes are none.
   */
  count: number;
  /** Territories, or board titles (« Cartes postales »), in the forum's order. */
  sources: string[];
  votes: number;
}

/** Where V1 finds the list's notes placed on the plenary (C10) and the ideas they stand for. */
export interface PlacedListContext {
  /** The forum's boards. */
  readonly boards: readonly BoardRecord[];
  /** The vote being ranked. */
  readonly vote: VoteState;
}

/**
 * V1: a vote's dots by idea, over the vote's boards (`sources`, readSources): the same idea
 * written on several notes (C1, and the facilitator's merges, C3) is one line with its dots
 * added up, items set aside (C7) are left out, and the order is C4's. Ranked note by note,
 * « Participation citoyenne » written on nine postcards came below an idea written once, and the
 * projected top 10 disagreed with « Les incontournables ».
 * C10: a note of the list placed on the plenary is no note of its own: its dots count for the
 * idea it was placed for, as C6 counts them (placedIdeas, never its words) — a reworded idea's
 * note read as one more idea « 1 fois · Plénière », a rewritten one for its new words. Its
 * idea's notes are then read where C6 reads them too (the compilation's boards), so the line
 * is « Les incontournables »' own: same words, notes, sources and dots.
 */
export async function voteIdeas(
  forumId: string,
  readDoc: DocReader,
  sources: readonly CompilationBoard[],
  dots: readonly { boardId: string; shapeId: string; count: number }[],
  placed?: PlacedListContext,
): Promise<VoteIdea[]> {
  const plenaryId = placed?.boards.find((board) => board.kind === 'plenary')?.id ?? '';
  const { compilation, record } = await readDoc(forumRoomName(forumId), (doc) => ({
    compilation: readCompilation(doc),
    record: readRecordSource(doc, plenaryId),
  }));
  const list = placed ? await placedListOf(forumId, placed.boards, readDoc, record) : null;
  const votes: Record<string, number> = {};
  for (const dot of dots) votes[noteKey(dot.boardId, dot.shapeId)] = dot.count;
  let ideaSources = withoutPlacedNotes(sources, list);
  let placedNotes: Record<string, string> = {};
  const onList = dots.some((dot) => dot.count > 0 && isPlacedNote(list, dot.boardId, dot.shapeId));
  if (placed && onList) {
    const listBoards = compilationBoardIds(compilation?.boardIds, placed.boards);
    const read = new Set(sources.map((source) => source.boardId));
    const more = await readSources(
      boardsInOrder(
        placed.boards,
        listBoards.filter((id) => !read.has(id)),
      ),
      readDoc,
    );
    const byId = new Map(
      [...ideaSources, ...withoutPlacedNotes(more, list)].map((source) => [source.boardId, source]),
    );
    ideaSources = boardsInOrder(placed.boards, [...byId.keys()]).map((board) =>
      byId.get(board.id)!,
    );
    placedNotes = await placedIdeas(list, readDoc, { ...placed.vote, counts: votes }, ideaSources);
  }
  const items = await compileIncontournablesInSteps(
    ideaSources,
    {
      merges: compilation?.merges ?? {},
      setAside: compilation?.setAside ?? [],
      wordings: compilation?.wordings ?? {},
      votes,
      placedNotes,
    },
    letGo,
  );
  return items
    .filter((item) => item.votes > 0 && !item.setAside)
    .map((item) => ({
      key: item.key,
      text: item.text,
      count: item.count,
      sources: [...item.sources],
      votes: item.votes,
    }));
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
