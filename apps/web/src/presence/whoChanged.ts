// Who changed the shape someone is writing in. A Yjs map entry deleted carries no author (only
// its creator's client id), so the document cannot say who deleted a note; but whoever deletes
// or locks a shape has it in hand at that moment (chosen, or under the eraser), and their
// presence says so. Read when the change arrives, before their next presence (choice emptied).
import type { Peer } from './presence';

/**
 * The name of the one other person whose choice or eraser holds one of `ids` (the shape, its
 * carton), or null when nobody or several different people do: then nobody is named.
 */
export function whoChanged(
  peers: readonly Pick<Peer, 'user' | 'selection' | 'preview' | 'readOnly'>[],
  ids: readonly string[],
): string | null {
  const holds = (peer: (typeof peers)[number]) =>
    !peer.readOnly &&
    ids.some(
      (id) =>
        peer.selection.includes(id) ||
        (peer.preview?.kind === 'erase' && peer.preview.ids.includes(id)),
    );
  const names = new Set(peers.filter(holds).map((peer) => peer.user.name.trim()));
  if (names.size !== 1) return null;
  const [name] = names;
  return name ? name : null;
}
