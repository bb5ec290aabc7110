import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardRecord } from '../forums/forum-store.ts';
import { silentLogger } from '../log.ts';
import { MemoryBusHub } from '../relay/memory-bus.ts';
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
