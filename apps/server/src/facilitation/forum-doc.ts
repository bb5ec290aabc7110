import { forumRoomName } from '@carton/board';
import type * as Y from 'yjs';
import type { Relay } from '../relay/relay.ts';

/**
 * F3: the server writes a forum's document on the live room (loaded if needed), so the change
 * is stored and broadcast like any update (R5). Settles once the change is stored. Returns
 * what `change` returned; throws what it threw; null if the room could not be loaded; rejects
 * with BoardNotStoredError if storage did not take the change (R6; the app answers 503
 * `storage_unavailable`).
 */
export async function changeForumDoc<T>(
  relay: Relay,
  forumId: string,
  change: (doc: Y.Doc) => T,
  { alone = false }: { alone?: boolean } = {},
): Promise<{ value: T } | null> {
  let result: { value: T } | null = null;
  let failure: { error: unknown } | null = null;
  const changeBoard = alone ? relay.changeBoardAlone.bind(relay) : relay.changeBoard.bind(relay);
  const applied = await changeBoard(forumRoomName(forumId), (doc) => {
    try {
      result = { value: change(doc) };
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw (failure as { error: unknown }).error;
  return applied ? result : null;
}

export function readForumDoc<T>(
  relay: Relay,
  forumId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  return relay.withBoardDoc(forumRoomName(forumId), read);
}
