// L3 and F2 at the relay's level, over the in-memory transport: connections carry the tags the
// upgrade gave them; closeWhere closes the matching ones; dropAwareness drops their presence.
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MemoryNetwork, MemorySocket } from './memory-socket.ts';
import type { ConnectionTags, Relay } from './relay.ts';
import { awarenessMessage } from './test-client.ts';
import { RelayTestBed } from './test-relay.ts';

let bed: RelayTestBed;
let relay: Relay;
let network: MemoryNetwork;

beforeEach(() => {
  bed = new RelayTestBed('carton-relay-tags-');
  network = bed.network;
  relay = bed.relay();
});
afterEach(async () => {
  await bed.close();
});

function open(roomId: string, canWrite: boolean, tags: ConnectionTags) {
  const socket = new MemorySocket(network);
  const received: Uint8Array[] = [];
  socket.client.onMessage = (data) => received.push(data);
  relay.connect(
    socket,
    { boardId: roomId, role: canWrite ? 'facilitator' : 'edit', canWrite },
    tags,
  );
  return { socket, received };
}

describe('connection tags', () => {
  it('L3: closeWhere closes the connections of one token, on every room, and no other', async () => {
    const revoked = open('board-a', true, { tokenHash: 'aa' });
    const onForum = open('forum:f1', false, { tokenHash: 'aa', dropAwareness: true });
    const other = open('board-a', true, { tokenHash: 'bb' });
    await network.idle();
    const closed = relay.closeWhere((tags) => tags.tokenHash === 'aa', 4403, 'lien révoqué');
    await network.idle();
    expect(closed).toBe(2);
    expect(revoked.socket.client.closeCode).toBe(4403);
    expect(onForum.socket.client.closeCode).toBe(4403);
    expect(other.socket.client.closed).toBe(false);
  });

  it('F2: presence from a connection tagged dropAwareness is dropped and counted', async () => {
    const facilitator = open('forum:f1', true, { tokenHash: 'ff' });
    const participant = open('forum:f1', false, { tokenHash: 'pp', dropAwareness: true });
    const cohost = open('forum:f1', true, { tokenHash: 'ff' });
    await network.idle();
    const presence = (zoom: number) => {
      const doc = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState({ spotlightCamera: { boardId: 'b', x: 0, y: 0, zoom } });
      return {
        id: doc.clientID,
        frame: awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
      };
    };
    const seen = new Set<number>();
    const reader = new awarenessProtocol.Awareness(new Y.Doc());
    reader.on('change', ({ added, updated }: { added: number[]; updated: number[] }) =>
      [...added, ...updated].forEach((id) => seen.add(id)),
    );
    const cohostArrived = new Promise<void>((resolve) => {
      facilitator.socket.client.onMessage = (data) => {
        if (data[0] !== 1) return;
        const decoder = decoding.createDecoder(data);
        decoding.readVarUint(decoder);
        awarenessProtocol.applyAwarenessUpdate(
          reader,
          decoding.readVarUint8Array(decoder),
          'relay',
        );
        if (seen.has(cohostPresence.id)) resolve();
      };
    });
    const participantPresence = presence(4);
    const cohostPresence = presence(1);
    participant.socket.client.send(participantPresence.frame);
    cohost.socket.client.send(cohostPresence.frame);
    await cohostArrived; // the co-host's later presence reached the facilitator…
    expect(seen.has(participantPresence.id)).toBe(false); // …the participant's never did
    expect(relay.metrics.awarenessDropped).toBe(1);
  });
});
