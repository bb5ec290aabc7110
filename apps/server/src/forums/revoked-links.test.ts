import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { MemoryBusHub } from '../relay/memory-bus.ts';
import { RelayTestBed } from '../relay/test-relay.ts';
import { watchRevokedLinks, type LinkChanges } from './revoked-links.ts';

let bed: RelayTestBed;
let hub: MemoryBusHub;

beforeEach(() => {
  bed = new RelayTestBed('carton-revoked-');
  hub = new MemoryBusHub(bed.network);
});

afterEach(async () => {
  await bed.close();
});

/** A change signal the test fires by hand (SQLite's data_version, PostgreSQL's NOTIFY). */
function manualChanges(): LinkChanges & { fire: () => void } {
  let listener: () => void = () => {};
  return {
    subscribe(onChange) {
      listener = onChange;
      return () => (listener = () => {});
    },
    fire: () => listener(),
  };
}

describe('watchRevokedLinks with several processes (R61, R67)', () => {
  it('a change signal checks this process’s sockets without announcing an access change', async () => {
    const busOne = hub.bus();
    const busTwo = hub.bus();
    const one = bed.relay({ bus: busOne });
    bed.relay({ bus: busTwo });
    bed.client(one, 'board-rimouski');
    await bed.network.idle();
    const changes = manualChanges();
    const stop = watchRevokedLinks({
      changes,
      forums: { findGrant: () => null },
      relay: one,
      log: silentLogger,
    });
    // Another process's append moves SQLite's data_version: every process checks on its own.
    changes.fire();
    await bed.network.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(busTwo.accessChanges).toEqual([]);
    stop();
  });
});
