// A board's versions made through the HTTP API, as its facilitator: the versions panel's tests
// (a long list, a version pruned meanwhile) start from them.
import { expect } from 'vitest';
import type { CartonServer } from '../support/server';
import type { BoardLinks, CreatedForum } from './fixtures';

export interface KeptVersions {
  /** Restores the named version `times` times: each keeps the board as an automatic version. */
  restore(times: number): Promise<void>;
  /** The oldest automatic version still listed. */
  oldestAuto(): Promise<{ id: number; kind: string }>;
}

/** « Avant la plénière » kept as a named version of `board`, with the facilitator's token. */
export async function keptVersions(
  server: CartonServer,
  created: CreatedForum,
  board: BoardLinks,
): Promise<KeptVersions> {
  const auth = { Authorization: `Bearer ${created.facilitator.token}` };
  const snapshots = `${server.url}/api/boards/${board.id}/snapshots`;
  const kept = await fetch(snapshots, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Avant la plénière' }),
  });
  const named = ((await kept.json()) as { snapshot: { id: number } }).snapshot;
  return {
    async restore(times) {
      for (let i = 0; i < times; i++) {
        const done = await fetch(`${snapshots}/${named.id}/restore`, {
          method: 'POST',
          headers: auth,
        });
        expect(done.status).toBe(200);
      }
    },
    async oldestAuto() {
      const listed = (await (await fetch(snapshots, { headers: auth })).json()) as {
        snapshots: { id: number; kind: string }[];
      };
      return listed.snapshots.find((s) => s.kind === 'auto')!;
    },
  };
}
