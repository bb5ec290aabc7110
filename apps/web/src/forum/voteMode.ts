// Vote mode on a board: which vote applies here, and what a click on a note does.
import type { VoteState } from '@carton/board';

export interface Dot {
  readonly boardId: string;
  readonly shapeId: string;
}

/** The open vote that covers this board (the newest), or null. */
export function activeVote(votes: readonly VoteState[], boardId: string): VoteState | null {
  for (let i = votes.length - 1; i >= 0; i--) {
    const vote = votes[i];
    if (vote && vote.state === 'open' && vote.boardIds.includes(boardId)) return vote;
  }
  return null;
}

/** The newest closed vote over this board, whose counts are shown on the notes. */
export function closedVote(votes: readonly VoteState[], boardId: string): VoteState | null {
  for (let i = votes.length - 1; i >= 0; i--) {
    const vote = votes[i];
    if (vote && vote.boardIds.includes(boardId)) return vote.state === 'closed' ? vote : null;
  }
  return null;
}

/**
 * The open votes that share a board with the boards about to vote: a board shows only its newest
 * open vote, so opening another one there takes the earlier one from its participants' screens.
 */
export function openVotesOver(
  votes: readonly VoteState[],
  boardIds: Iterable<string>,
): VoteState[] {
  const chosen = new Set(boardIds);
  return votes.filter((v) => v.state === 'open' && v.boardIds.some((id) => chosen.has(id)));
}

export type DotAction =
  { kind: 'add' } | { kind: 'remove' } | { kind: 'none'; reason: 'no_dots_left' | 'empty_note' };

/**
 * Clicking a note places a dot; clicking a note that holds one of my dots removes it
 * (the dot itself is the target: `onMyDot`). With no dots left, a new dot is refused locally.
 * A note with no text takes no dot: each carton starts with « Écrivez ici… » notes, which a
 * tap at the fitted zoom of a phone hits as easily as an idea, and an empty note ranked first
 * read « (papillon sans texte) » on the projector's results.
 */
export function dotAction(
  mine: readonly Dot[],
  remaining: number,
  target: Dot,
  onMyDot: boolean,
  emptyNote = false,
): DotAction {
  const holds = mine.some((d) => d.boardId === target.boardId && d.shapeId === target.shapeId);
  if (onMyDot && holds) return { kind: 'remove' };
  if (emptyNote) return { kind: 'none', reason: 'empty_note' };
  if (remaining <= 0) return { kind: 'none', reason: 'no_dots_left' };
  return { kind: 'add' };
}

/** My dots on one board grouped by note, to draw them (several dots on a note allowed). */
export function dotsByNote(mine: readonly Dot[], boardId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const dot of mine) {
    if (dot.boardId === boardId) out.set(dot.shapeId, (out.get(dot.shapeId) ?? 0) + 1);
  }
  return out;
}

const VOTER_KEY = 'carton.voterId';

/** The voter id this device kept, if it ever voted: a closed vote names its dots (VoteLayer). */
export function keptVoterId(storage: Pick<Storage, 'getItem'> | null): string | null {
  const existing = storage?.getItem(VOTER_KEY);
  return existing && /^[A-Za-z0-9_-]{8,128}$/.test(existing) ? existing : null;
}

/** The anonymous voter id this device keeps (8–128 url-safe characters). */
export function voterId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const existing = storage?.getItem(VOTER_KEY);
  if (existing && /^[A-Za-z0-9_-]{8,128}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const id = Array.from(
    bytes,
    (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b & 63],
  ).join('');
  try {
    storage?.setItem(VOTER_KEY, id);
  } catch {
    // Without storage the id lasts for this page.
  }
  return id;
}

/**
 * The keyboard in vote mode, on the note the keyboard is on (Tab chose it): Enter places a dot,
 * Delete or Backspace takes one of mine back — and never deletes the note, as it would outside
 * the vote. Null: the key is not the vote's (typing in a field, a modifier held, another key).
 */
export function voteKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  inField: boolean;
}): 'add' | 'remove' | null {
  if (event.inField || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey)
    return null;
  if (event.key === 'Enter') return 'add';
  if (event.key === 'Delete' || event.key === 'Backspace') return 'remove';
  return null;
}

/**
 * A ranked note's words on the forum page: a note left empty, or deleted since its dots (the
 * server answers null), still needs a line that says so — a blank line read as a bug.
 */
export function resultWords(
  text: string | null,
): { kind: 'text'; text: string } | { kind: 'empty' | 'gone' } {
  if (text === null) return { kind: 'gone' };
  return text.trim() ? { kind: 'text', text } : { kind: 'empty' };
}

/**
 * The « Question » field once a vote opened: cleared, so the next vote does not carry the last
 * question by mistake — unless the facilitator already typed another one meanwhile (slow wifi).
 */
export function questionAfterOpening(current: string, sent: string): string {
  return current === sent ? '' : current;
}
