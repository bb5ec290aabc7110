// What each part of the page needs of the peers, compared so that it changes only when that part
// would draw something different. Remote cursors move many times a second (every awareness
// tick); the people list and the canvas's interaction layer must not redraw for a cursor.
import type { Preview } from '../tools/types';
import type { Peer, PresenceUser } from './presence';

/** A line of the people list. */
export interface PersonView {
  clientId: number;
  user: PresenceUser;
}

/** What the interaction layer draws for a peer: their selection outlined, their gesture. */
export interface PeerMarks {
  clientId: number;
  /** Their name, tagged on what they chose: on a phone no cursor says who is writing there. */
  name: string;
  color: string;
  selection: string[];
  preview: Preview | null;
}

export function peopleOf(peers: Peer[]): PersonView[] {
  return peers.map(({ clientId, user }) => ({ clientId, user }));
}

export function samePeople(a: PersonView[], b: PersonView[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i]!;
      return (
        person.clientId === other.clientId &&
        person.user.name === other.user.name &&
        person.user.color === other.user.color
      );
    })
  );
}

export function marksOf(peers: Peer[]): PeerMarks[] {
  return peers
    .filter((peer) => peer.selection.length > 0 || peer.preview)
    .map(({ clientId, user, selection, preview }) => ({
      clientId,
      name: user.name,
      color: user.color,
      selection,
      preview,
    }));
}

function samePreview(a: Preview | null, b: Preview | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  // A stroke in progress is one object per replayed points array (presence.ts): identity says it.
  if (a.kind === 'stroke') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameMarks(a: PeerMarks[], b: PeerMarks[]): boolean {
  return (
    a.length === b.length &&
    a.every((marks, i) => {
      const other = b[i]!;
      return (
        marks.clientId === other.clientId &&
        marks.name === other.name &&
        marks.color === other.color &&
        marks.selection.length === other.selection.length &&
        marks.selection.every((id, k) => id === other.selection[k]) &&
        samePreview(marks.preview, other.preview)
      );
    })
  );
}
