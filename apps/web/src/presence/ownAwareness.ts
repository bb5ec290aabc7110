// Sends only this client's own presence. The stock y-websocket provider (3.1) sends every
// awareness change it sees, including the remote states it has just applied from the server
// and the remote states it times out: each receiver re-sends what it received, which doubles
// presence traffic (the relay drops these stale copies, R10, but they still cross the network).
// Here the provider's handler is swapped for one that sends our own entry only.
//
// It also mends what the stock provider does when its socket closes: it removes every remote
// state but keeps each one's clock, so on reconnecting the server's copy of a state (the same
// clock: nobody moved meanwhile) is taken for a stale one and ignored. The others stayed missing
// from the people list, announced as gone, until each one's next move or 15 s renewal.
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';

/** y-websocket message type of an awareness update. */
const MESSAGE_AWARENESS = 1;
/** WebSocket.OPEN, without relying on a global WebSocket (tests run in Node). */
const OPEN = 1;

export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The parts of y-websocket's WebsocketProvider this module uses. */
export interface AwarenessProvider {
  readonly awareness: Awareness;
  readonly wsconnected: boolean;
  readonly ws: { readonly readyState: number; send(data: Uint8Array<ArrayBuffer>): void } | null;
  readonly _awarenessUpdateHandler: (changes: AwarenessChanges, origin: unknown) => void;
}

/**
 * Replaces the provider's awareness handler with one that sends an update only when the local
 * client is among the changed ids, and then only the local entry. What still goes out: every
 * local change, the 15 s renewal of the local state (Awareness' own check interval calls
 * setLocalState, which reports the local id as updated — the server and the others rely on it
 * to keep us alive), and the removal of the local state (page closed, provider exit handler).
 * When the socket closes, it forgets the clocks of the remote states the provider removed.
 * Returns a function that puts the stock handler back.
 */
export function sendOnlyOwnAwareness(provider: AwarenessProvider): () => void {
  const { awareness } = provider;
  const ownId = awareness.clientID;
  const handler = ({ added, updated, removed }: AwarenessChanges, origin: unknown): void => {
    // Our socket closed (the provider is the origin): forget the others' clocks, so that the
    // server's states, sent again on reconnecting, apply.
    if (origin === provider) for (const id of removed) if (id !== ownId) awareness.meta.delete(id);
    if (!added.includes(ownId) && !updated.includes(ownId) && !removed.includes(ownId)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || ws === null || ws.readyState !== OPEN) return;
    ws.send(awarenessMessage(encodeAwarenessUpdate(awareness, [ownId])));
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', handler);
  return () => {
    awareness.off('update', handler);
    awareness.on('update', provider._awarenessUpdateHandler);
  };
}

/** Message 1 of the y-websocket protocol: type, then the update as length-prefixed bytes. */
export function awarenessMessage(update: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
