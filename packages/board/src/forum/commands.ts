import * as Y from 'yjs';
import type { Origin } from '../origin/origin.ts';
import type { TimerState, VoteState } from './layout.ts';
import { forumRoot, initForumDoc, readTimer, timerSchema } from './layout.ts';

// Writers of the forum document. The server runs them with SERVER_ORIGIN (HTTP API); a
// facilitator's client may run them with its local origin. Each is one transaction.

export type TimerAction =
  | { readonly action: 'start'; readonly durationMs: number }
  | { readonly action: 'pause' }
  | { readonly action: 'resume' }
  | { readonly action: 'add'; readonly addMs: number }
  | { readonly action: 'stop' };

export class ForumCommandError extends Error {
  override name = 'ForumCommandError';
  constructor(
    readonly code: 'timer_not_running' | 'timer_not_paused' | 'timer_stopped' | 'no_such_vote',
    message: string,
  ) {
    super(message);
  }
}

const STOPPED: TimerState = { state: 'stopped', durationMs: 0, endsAt: null, remainingMs: null };

/** F3: the timer after `action` at server time `now` (pure). Invalid transitions throw. */
export function nextTimer(
  current: TimerState | null,
  action: TimerAction,
  now: number,
): TimerState {
  const timer = current ?? STOPPED;
  switch (action.action) {
    case 'start':
      return {
        state: 'running',
        durationMs: action.durationMs,
        endsAt: now + action.durationMs,
        remainingMs: null,
      };
    case 'pause':
      if (timer.state !== 'running' || timer.endsAt === null) {
        throw new ForumCommandError('timer_not_running', 'The timer is not running.');
      }
      return {
        ...timer,
        state: 'paused',
        remainingMs: Math.max(0, timer.endsAt - now),
        endsAt: null,
      };
    case 'resume':
      if (timer.state !== 'paused' || timer.remainingMs === null) {
        throw new ForumCommandError('timer_not_paused', 'The timer is not paused.');
      }
      return { ...timer, state: 'running', endsAt: now + timer.remainingMs, remainingMs: null };
    case 'add':
      if (timer.state === 'running' && timer.endsAt !== null) {
        return {
          ...timer,
          durationMs: timer.durationMs + action.addMs,
          endsAt: Math.max(now, timer.endsAt + action.addMs),
        };
      }
      if (timer.state === 'paused' && timer.remainingMs !== null) {
        return {
          ...timer,
          durationMs: timer.durationMs + action.addMs,
          remainingMs: Math.max(0, timer.remainingMs + action.addMs),
        };
      }
      throw new ForumCommandError('timer_stopped', 'The timer is stopped: start it first.');
    case 'stop':
      return STOPPED;
  }
}

function map(doc: Y.Doc, key: string): Y.Map<unknown> {
  const value = forumRoot(doc).get(key);
  if (!(value instanceof Y.Map)) throw new Error(`forum document has no ${key}`);
  return value as Y.Map<unknown>;
}

function writeKeys(target: Y.Map<unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (target.get(key) !== value) target.set(key, value);
  }
}

/** Applies a timer action; returns the new timer. */
export function applyTimer(
  doc: Y.Doc,
  action: TimerAction,
  now: number,
  origin: Origin,
): TimerState {
  const next = timerSchema.parse(nextTimer(readTimer(doc), action, now));
  doc.transact(() => {
    initForumDoc(doc, origin);
    writeKeys(map(doc, 'timer'), { ...next });
  }, origin);
  return next;
}

export function setSpotlight(
  doc: Y.Doc,
  spotlight: { active: boolean; boardId: string | null; by: string | null },
  origin: Origin,
): void {
  doc.transact(() => {
    initForumDoc(doc, origin);
    writeKeys(map(doc, 'spotlight'), {
      active: spotlight.active,
      boardId: spotlight.active ? spotlight.boardId : null,
      by: spotlight.active ? spotlight.by : null,
    });
  }, origin);
}

export function openVote(
  doc: Y.Doc,
  vote: Pick<VoteState, 'id' | 'title' | 'boardIds' | 'dotsPerParticipant' | 'openedAt'>,
  origin: Origin,
): void {
  doc.transact(() => {
    initForumDoc(doc, origin);
    const entry = new Y.Map<unknown>(
      Object.entries({
        title: vote.title,
        boardIds: [...vote.boardIds],
        dotsPerParticipant: vote.dotsPerParticipant,
        state: 'open',
        openedAt: vote.openedAt,
        closedAt: null,
      }),
    );
    entry.set('counts', new Y.Map<unknown>());
    map(doc, 'votes').set(vote.id, entry);
  }, origin);
}

function voteMap(doc: Y.Doc, voteId: string): Y.Map<unknown> {
  const entry = map(doc, 'votes').get(voteId);
  if (!(entry instanceof Y.Map)) throw new ForumCommandError('no_such_vote', 'No such vote.');
  return entry as Y.Map<unknown>;
}

export function closeVote(doc: Y.Doc, voteId: string, now: number, origin: Origin): void {
  doc.transact(() => writeKeys(voteMap(doc, voteId), { state: 'closed', closedAt: now }), origin);
}

/**
 * Opens a closed vote again (F4): its counts stay, and `openedAt` becomes `now` — a board shows
 * its most recently opened vote, so the reopened one is the vote its participants see.
 */
export function reopenVote(doc: Y.Doc, voteId: string, now: number, origin: Origin): void {
  doc.transact(
    () => writeKeys(voteMap(doc, voteId), { state: 'open', closedAt: null, openedAt: now }),
    origin,
  );
}

/** Writes the aggregated dots of some notes (0 removes the key). */
export function setVoteCounts(
  doc: Y.Doc,
  voteId: string,
  counts: Readonly<Record<string, number>>,
  origin: Origin,
): void {
  doc.transact(() => {
    const entry = voteMap(doc, voteId);
    let target = entry.get('counts');
    if (!(target instanceof Y.Map)) {
      target = new Y.Map<unknown>();
      entry.set('counts', target);
    }
    const countsMap = target as Y.Map<unknown>;
    for (const [key, count] of Object.entries(counts)) {
      if (count <= 0) countsMap.delete(key);
      else if (countsMap.get(key) !== count) countsMap.set(key, count);
    }
  }, origin);
}

/**
 * Sets the compilation's boards, merges and/or ideas set aside. A merge to null (or to itself)
 * removes it; `setAside: { key: false }` puts an idea back (C7); `distinct: { pair: true }`
 * remembers two ideas the facilitator said are different (C9).
 */
export function updateCompilation(
  doc: Y.Doc,
  change: {
    boardIds?: readonly string[];
    merges?: Readonly<Record<string, string | null>>;
    setAside?: Readonly<Record<string, boolean>>;
    /** C8: itemKey → the facilitator's words for the idea; null gives it its notes' words back. */
    wordings?: Readonly<Record<string, string | null>>;
    /** C9: pair key (`ideaPairKey`) → said different (true) or not any more (false). */
    distinct?: Readonly<Record<string, boolean>>;
  },
  now: number,
  origin: Origin,
): void {
  doc.transact(() => {
    initForumDoc(doc, origin);
    const compilation = map(doc, 'compilation');
    if (change.boardIds) compilation.set('boardIds', [...change.boardIds]);
    let merges = compilation.get('merges');
    if (!(merges instanceof Y.Map)) {
      merges = new Y.Map<unknown>();
      compilation.set('merges', merges);
    }
    const mergeMap = merges as Y.Map<unknown>;
    for (const [key, target] of Object.entries(change.merges ?? {})) {
      if (target === null || target === key) mergeMap.delete(key);
      else mergeMap.set(key, target);
    }
    if (change.setAside && Object.keys(change.setAside).length > 0) {
      let setAside = compilation.get('setAside');
      if (!(setAside instanceof Y.Map)) {
        setAside = new Y.Map<unknown>();
        compilation.set('setAside', setAside);
      }
      const setAsideMap = setAside as Y.Map<unknown>;
      for (const [key, on] of Object.entries(change.setAside)) {
        if (on) setAsideMap.set(key, true);
        else setAsideMap.delete(key);
      }
    }
    if (change.wordings && Object.keys(change.wordings).length > 0) {
      let wordings = compilation.get('wordings');
      if (!(wordings instanceof Y.Map)) {
        wordings = new Y.Map<unknown>();
        compilation.set('wordings', wordings);
      }
      const wordingMap = wordings as Y.Map<unknown>;
      for (const [key, text] of Object.entries(change.wordings)) {
        if (text === null || text.trim() === '') wordingMap.delete(key);
        else wordingMap.set(key, text.trim());
      }
    }
    if (change.distinct && Object.keys(change.distinct).length > 0) {
      let distinct = compilation.get('distinct');
      if (!(distinct instanceof Y.Map)) {
        distinct = new Y.Map<unknown>();
        compilation.set('distinct', distinct);
      }
      const distinctMap = distinct as Y.Map<unknown>;
      for (const [pair, on] of Object.entries(change.distinct)) {
        if (on) distinctMap.set(pair, true);
        else distinctMap.delete(pair);
      }
    }
    compilation.set('updatedAt', now);
  }, origin);
}
