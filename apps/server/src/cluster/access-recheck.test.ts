import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardRecord } from '../forums/forum-store.ts';
import { silentLogger } from '../log.ts';
import { closeErasedForum } from '../http/forum-delete-routes.ts';
import { MemoryBusHub } from '../relay/memory-bus.ts';
import { MemorySocket } from '../relay/memory-socket.ts';
import { RelayTestBed } from '../relay/test-relay.ts';
import { closeRevokedOnAccessChange } from './access-recheck.ts';

let bed: RelayTestBed;
let hub: MemoryBusHub;

beforeEach(() => {
  bed = new RelayTestBed('carton-recheck-');
  hub = new MemoryBusHub(bed.network);
});

afterEach(async () => {
  await bed.close();
});

describe('closeRevokedOnAccessChange (R67)', () => {
  it('a burst of access-change notices runs two checks, not one per notice', async () => {
    const sender = bed.relay({ bus: hub.bus() });
    const bus = hub.bus();
    const relay = bed.relay({ bus });
    bed.client(relay, 'board-matane');
    await bed.network.idle();
    // The store answers later (PostgreSQL): notices pile up while the first check waits.
    const board = { id: 'board-matane' } as BoardRecord;
    const lookups: Array<() => void> = [];
    let looked = 0;
    const stop = closeRevokedOnAccessChange({
      bus,
      relay,
      forums: {
        findGrant: () => null,
        getBoard: () => {
          looked++;
          return new Promise<BoardRecord | null>((resolve) => lookups.push(() => resolve(board)));
        },
      },
      log: silentLogger,
    });
    for (let i = 0; i < 500; i++) sender.closeWhere(() => false, 4403, 'lien révoqué');
    await bed.network.idle();
    expect(bus.accessChanges).toHaveLength(500);
    expect(looked).toBe(1);
    // Answer each lookup as it comes, until no check is left.
    for (let i = 0; i < 600 && lookups.length > 0; i++) {
      lookups.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lookups).toHaveLength(0);
    expect(looked).toBe(2);
    // The board still exists: its socket stays open.
    let open = 0;
    relay.forEachConnection(() => open++);
    expect(open).toBe(1);
    stop();
  });
});

describe('a forum deleted on another process (R70)', () => {
  it('closes this process’s sockets of the forum with 4410, and leaves the others', async () => {
    const deleting = bed.relay({ bus: hub.bus() });
    const bus = hub.bus();
    const relay = bed.relay({ bus });
    // Sockets opened with one of the deleted forum's links, and one of another forum.
    const open = (boardId: string, tokenHash: string, forumId: string) => {
      const socket = new MemorySocket(bed.network);
      relay.connect(socket, { boardId, role: 'edit', canWrite: true }, { tokenHash, forumId });
      return socket;
    };
    const onBoard = open('board-matane', 'aa', 'forum-efface');
    const onForum = open('forum:forum-efface', 'bb', 'forum-efface');
    const elsewhere = open('board-rimouski', 'cc', 'forum-garde');
    await bed.network.idle();
    const stop = closeRevokedOnAccessChange({
      bus,
      relay,
      forums: {
        findGrant: (hash) =>
          hash.toString('hex') === 'cc'
            ? { role: 'edit', forumId: 'forum-garde', boardId: 'board-rimouski' }
            : { role: 'edit', forumId: 'forum-efface', boardId: null, forumDeleted: true },
        getBoard: (id) => ({ id }) as BoardRecord,
      },
      log: silentLogger,
    });
    // The process that erased it closes its own (none here) and tells the others.
    closeErasedForum(deleting, {
      id: 'forum-efface',
      title: '',
      documentIds: ['board-matane', 'forum:forum-efface'],
      tokenHashes: [Buffer.from('aa', 'hex'), Buffer.from('bb', 'hex')],
    });
    await bed.network.idle();
    await new Promise((resolve) => setImmediate(resolve));
    await bed.network.idle();
    expect([onBoard.client.closeCode, onForum.client.closeCode]).toEqual([4410, 4410]);
    expect(elsewhere.client.closed).toBe(false);
    stop();
  });
});
