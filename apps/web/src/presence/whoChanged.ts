// Who changed the shape someone is writing in. A Yjs map entry deleted carries no author (only
// its creator's client id), so the document cannot say who deleted a note; but whoever deletes
// or locks a shape has it in hand at that moment (chosen, or under the eraser), and their
// presence says so. Read when the change arrives; their next presence (choice emptied) may have
// come first (recentHolder), so the last one to hold it a moment ago is named too.
import type { Peer } from './presence';

type PeerHolding = Pick<Peer, 'user' | 'selection' | 'preview' | 'readOnly'>;

/** The names of the others whose choice or eraser holds one of `ids` (the shape, its carton). */
function holders(peers: readonly PeerHolding[], ids: readonly string[]): Set<string> {
  const holds = (peer: PeerHolding) =>
    !peer.readOnly &&
    ids.some(
      (id) =>
        peer.selection.includes(id) ||
        (peer.preview?.kind === 'erase' && peer.preview.ids.includes(id)),
    );
  return new Set(peers.filter(holds).map((peer) => peer.user.name.trim()));
}

/**
 * The name of the one other person whose choice or eraser holds one of `ids` (the shape, its
 * carton), or null when nobody or several different people do: then nobody is named.
 */
export function whoChanged(peers: readonly PeerHolding[], ids: readonly string[]): string | null {
  return soleName(holders(peers, ids));
}

/** The one name of `names`, or null for none or several. */
function soleName(names: ReadonlySet<string>): string | null {
  if (names.size !== 1) return null;
  const [name] = names;
  return name ? name : null;
}

/**
 * How long after letting go of a shape the one person who held it is still named. The relay
 * sends changes and presences in separate batches (R10, R51): frames read together, the deleter's
 * next presence (choice emptied) was seen to arrive before their deletion, and the writer was told
 * « Quelqu’un ». Other relays (R66) give no order between the two either.
 */
export const HOLD_GRACE_MS = 2_000;

/**
 * Follows who holds `ids()` while someone writes, so that `name(ids)` at the change still names
 * the one person who held the shape until a moment ago (HOLD_GRACE_MS). Several holders at once
 * name nobody, as whoChanged does.
 */
export function recentHolder(
  peers: () => readonly PeerHolding[],
  subscribe: (listener: () => void) => () => void,
  ids: () => readonly string[],
  now: () => number = () => performance.now(),
): { name: (ids: readonly string[]) => string | null; stop: () => void } {
  let held: { name: string; releasedAt: number | null } | null = null;
  // Runs at each presence that arrives (cursors: many a second): the peers are read once.
  const follow = () => {
    const names = holders(peers(), ids());
    if (names.size === 1) held = { name: soleName(names) ?? '', releasedAt: null };
    else if (names.size > 1) held = null;
    else if (held && held.releasedAt === null) held.releasedAt = now();
  };
  follow();
  const stop = subscribe(follow);
  const name = (changed: readonly string[]) => {
    const holding = holders(peers(), changed);
    if (holding.size > 0) return soleName(holding);
    if (!held?.name) return null;
    const recent = held.releasedAt === null || now() - held.releasedAt <= HOLD_GRACE_MS;
    return recent ? held.name : null;
  };
  return { name, stop };
}
