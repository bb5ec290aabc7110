import * as Y from 'yjs';
import { z } from 'zod';
import type { Origin } from '../origin/origin.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';

// The forum document (facilitation state), one per forum, room `forum:<forumId>` (F1):
// doc.getMap('forum') → { timer: Y.Map, spotlight: Y.Map, votes: Y.Map<voteId, Y.Map>,
// compilation: Y.Map }. Only the server creates these maps (like M1: two peers creating them
// concurrently would each lose the other's); only facilitators and the server write them.
export const FORUM_ROOT_KEY = 'forum';
export const FORUM_ROOM_PREFIX = 'forum:';

/** The relay room of a forum's document: `forum:<forumId>`. */
export function forumRoomName(forumId: string): string {
  return FORUM_ROOM_PREFIX + forumId;
}

export const TIMER_STATES = ['stopped', 'running', 'paused'] as const;
export type TimerStatus = (typeof TIMER_STATES)[number];

/** The day's timer. `endsAt` is server epoch ms while running; `remainingMs` while paused. */
export interface TimerState {
  readonly state: TimerStatus;
  readonly durationMs: number;
  readonly endsAt: number | null;
  readonly remainingMs: number | null;
}

export interface SpotlightState {
  readonly active: boolean;
  readonly boardId: string | null;
  /** The facilitator's display name, for « Suivez l'animation ». */
  readonly by: string | null;
}

export const VOTE_STATES = ['open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATES)[number];

export interface VoteState {
  readonly id: string;
  readonly title: string;
  readonly boardIds: readonly string[];
  readonly dotsPerParticipant: number;
  readonly state: VoteStatus;
  readonly openedAt: number;
  readonly closedAt: number | null;
  /** noteKey (`<boardId>/<shapeId>`) → dots; notes without dots are absent. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * C6: the vote « Les incontournables » are ranked by — on the server's compilation as on the
 * forum page and the projector's list slides: the one closed last. One vote is one ranking: the
 * dots of several votes are not added up (a morning vote on the territories' notes and the
 * plenary's vote on the list would each count the idea's support), and a vote still open (a newer
 * one, or one reopened) ranks nothing until it is closed.
 */
export function latestClosedVote(votes: readonly VoteState[]): VoteState | null {
  let latest: VoteState | null = null;
  for (const vote of votes) {
    if (vote.state !== 'closed') continue;
    if (!latest || (vote.closedAt ?? 0) >= (latest.closedAt ?? 0)) latest = vote;
  }
  return latest;
}

export interface CompilationState {
  readonly boardIds: readonly string[];
  /** itemKey → targetItemKey: the facilitator's manual merges. */
  readonly merges: Readonly<Record<string, string>>;
  /** Item keys the facilitator set aside (C7), keyed like merges. */
  readonly setAside: readonly string[];
  /** itemKey → the facilitator's words for the idea (C8, « Reformuler »). */
  readonly wordings: Readonly<Record<string, string>>;
  /** C9: pairs of ideas the facilitator said are different (`ideaPairKey`), never suggested again. */
  readonly distinct: readonly string[];
  readonly updatedAt: number | null;
}

/** The key of a note across a forum's boards, as used in vote counts. */
export function noteKey(boardId: string, shapeId: string): string {
  return `${boardId}/${shapeId}`;
}

/** noteKey's parts, split at the first `/`; null for a key without one. */
export function splitNoteKey(key: string): { boardId: string; shapeId: string } | null {
  const slash = key.indexOf('/');
  return slash < 0 ? null : { boardId: key.slice(0, slash), shapeId: key.slice(slash + 1) };
}

const idSchema = z.string().min(1).max(200);
const epoch = z.number().finite().min(0);
export const timerSchema = z.object({
  state: z.enum(TIMER_STATES),
  durationMs: z.number().finite().min(0),
  endsAt: epoch.nullable(),
  remainingMs: z.number().finite().min(0).nullable(),
});
const spotlightSchema = z.object({
  active: z.boolean(),
  boardId: idSchema.nullable(),
  by: z.string().max(200).nullable(),
});
const voteSchema = z.object({
  title: z.string().max(500),
  boardIds: z.array(idSchema).max(100),
  dotsPerParticipant: z.number().int().min(1).max(100),
  state: z.enum(VOTE_STATES),
  openedAt: epoch,
  closedAt: epoch.nullable(),
});
const countsSchema = z.record(z.string(), z.number().int().min(0));
const compilationSchema = z.object({
  boardIds: z.array(idSchema).max(100),
  updatedAt: epoch.nullable(),
});
const mergesSchema = z.record(z.string(), z.string());
/** C8: the words a facilitator gives an idea, one line of plain text. */
export const MAX_WORDING_LENGTH = 300;

export function forumRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FORUM_ROOT_KEY);
}

function child(doc: Y.Doc, key: string): Y.Map<unknown> | undefined {
  const value = forumRoot(doc).get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/**
 * Creates the forum document's maps once (F1). Only the server calls this: at forum creation,
 * and before its own writes (forums created before the forum document existed).
 */
export function initForumDoc(doc: Y.Doc, origin: Origin = SERVER_ORIGIN): void {
  doc.transact(() => {
    const root = forumRoot(doc);
    if (!(root.get('timer') instanceof Y.Map)) {
      root.set(
        'timer',
        new Y.Map<unknown>(
          Object.entries({ state: 'stopped', durationMs: 0, endsAt: null, remainingMs: null }),
        ),
      );
    }
    if (!(root.get('spotlight') instanceof Y.Map)) {
      root.set(
        'spotlight',
        new Y.Map<unknown>(Object.entries({ active: false, boardId: null, by: null })),
      );
    }
    if (!(root.get('votes') instanceof Y.Map)) root.set('votes', new Y.Map<unknown>());
    if (!(root.get('compilation') instanceof Y.Map)) {
      const compilation = new Y.Map<unknown>();
      compilation.set('boardIds', []);
      compilation.set('updatedAt', null);
      compilation.set('merges', new Y.Map<unknown>());
      root.set('compilation', compilation);
    }
  }, origin);
}

// Readers validate (like M10): a malformed value from a peer reads as null, never a crash.

export function readTimer(doc: Y.Doc): TimerState | null {
  const parsed = timerSchema.safeParse(child(doc, 'timer')?.toJSON());
  return parsed.success ? Object.freeze(parsed.data) : null;
}

export function readSpotlight(doc: Y.Doc): SpotlightState | null {
  const parsed = spotlightSchema.safeParse(child(doc, 'spotlight')?.toJSON());
  return parsed.success ? Object.freeze(parsed.data) : null;
}

function readVoteMap(id: string, map: unknown): VoteState | null {
  if (!(map instanceof Y.Map)) return null;
  const parsed = voteSchema.safeParse(map.toJSON());
  if (!parsed.success) return null;
  const countsMap = map.get('counts');
  const counts = countsSchema.safeParse(countsMap instanceof Y.Map ? countsMap.toJSON() : {});
  return Object.freeze({ id, ...parsed.data, counts: counts.success ? counts.data : {} });
}

export function readVote(doc: Y.Doc, voteId: string): VoteState | null {
  return readVoteMap(voteId, child(doc, 'votes')?.get(voteId));
}

/** Every readable vote, oldest first. */
export function readVotes(doc: Y.Doc): VoteState[] {
  const votes = child(doc, 'votes');
  if (!votes) return [];
  const read: VoteState[] = [];
  for (const [id, map] of votes.entries()) {
    const vote = readVoteMap(id, map);
    if (vote) read.push(vote);
  }
  return read.sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
}

export function readCompilation(doc: Y.Doc): CompilationState | null {
  const map = child(doc, 'compilation');
  if (!map) return null;
  const parsed = compilationSchema.safeParse({
    boardIds: map.get('boardIds'),
    updatedAt: map.get('updatedAt') ?? null,
  });
  if (!parsed.success) return null;
  const mergesMap = map.get('merges');
  const merges = mergesSchema.safeParse(mergesMap instanceof Y.Map ? mergesMap.toJSON() : {});
  // A Y.Map of itemKey → true, so two facilitators setting ideas aside at once both count.
  const setAsideMap = map.get('setAside');
  const setAside =
    setAsideMap instanceof Y.Map
      ? [...setAsideMap.entries()].filter(([, on]) => on === true).map(([key]) => key)
      : [];
  // C8: a Y.Map of itemKey → words; a value of another type or too long is skipped.
  const wordingsMap = map.get('wordings');
  const wordings: Record<string, string> = {};
  if (wordingsMap instanceof Y.Map) {
    for (const [key, text] of wordingsMap.entries()) {
      if (typeof text === 'string' && text.trim() !== '' && text.length <= MAX_WORDING_LENGTH)
        wordings[key] = text;
    }
  }
  // C9: a Y.Map of pair key → true, as setAside.
  const distinctMap = map.get('distinct');
  const distinct =
    distinctMap instanceof Y.Map
      ? [...distinctMap.entries()].filter(([, on]) => on === true).map(([key]) => key)
      : [];
  return Object.freeze({
    ...parsed.data,
    merges: merges.success ? merges.data : {},
    setAside: Object.freeze(setAside.sort()),
    wordings: Object.freeze(wordings),
    distinct: Object.freeze(distinct.sort()),
  });
}

/** Milliseconds left on the timer at `now` (server time: `Date.now() + offset`), never < 0. */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (timer.state === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  if (timer.state === 'paused' && timer.remainingMs !== null) return timer.remainingMs;
  return 0;
}

/** Calls `listener` after every change of the forum document (returns the unsubscribe). */
export function observeForum(doc: Y.Doc, listener: () => void): () => void {
  const root = forumRoot(doc);
  const handler = () => listener();
  root.observeDeep(handler);
  return () => root.unobserveDeep(handler);
}
