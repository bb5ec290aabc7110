// R60, R65 on PostgreSQL: two relay processes on one database and one Redis bus, both writing
// and compacting the same board often; both are killed with SIGKILL; every note either wrote is
// in the database, and no SQLite file appears.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteShape } from '@carton/board';
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { relaysOnPostgres } from './cluster-support.ts';
import { connect, createForum, docUntil, territoryBoard } from './helpers.ts';

const { start, track, closeTracked } = relaysOnPostgres();

const TEXTS = [
  'Transport collectif',
  'Logement abordable',
  'Sécurité alimentaire',
  'Accès aux services de proximité',
  'Mobilisation des partenaires',
];

describe('two relays on one PostgreSQL database', () => {
  it(
    'R60, R65: both write and compact one board; after kill -9, nothing is lost',
    { timeout: 60_000 },
    async () => {
      // Compaction after every few updates, in both processes at once.
      const cluster = await start(2, { CARTON_COMPACT_UPDATES: '3' });
      const [a, b] = cluster.servers as [CartonServer, CartonServer];
      const forum = await createForum(a);
      const board = territoryBoard(forum, 'Témiscouata');
      const onA = track(connect(a, board.id, board.edit.token));
      const onB = track(connect(b, board.id, board.edit.token));
      await Promise.all([onA.synced, onB.synced]);

      // One note at a time, each seen by the other process before the next: every note is its
      // own append, so both processes compact (after every 3) while the other writes.
      const ids: string[] = [];
      for (let round = 0; round < 8; round++) {
        for (const [client, other, where] of [
          [onA, onB, 'A'],
          [onB, onA, 'B'],
        ] as const) {
          const text = `${TEXTS[round % TEXTS.length]} (${where}${round})`;
          const id = client.run((tx) => tx.create('note', { x: round * 20, y: 0, text }));
          ids.push(id);
          await docUntil(other.doc, `${text} on the other process`, () => !!other.shape(id));
        }
      }

      // Both killed: what the reader finds was stored by appends and compactions, not by a
      // flush at shutdown.
      expect((await a.kill('SIGKILL')).signal).toBe('SIGKILL');
      expect((await b.kill('SIGKILL')).signal).toBe('SIGKILL');
      closeTracked();
      await b.restart();
      const reader = track(connect(b, board.id, board.view.token));
      await reader.synced;
      const texts = ids.map((id) => (reader.shape(id) as NoteShape | undefined)?.text);
      expect(texts.filter((text) => text !== undefined)).toHaveLength(ids.length);
      expect(texts).toContain('Transport collectif (A0)');
      expect(texts).toContain('Mobilisation des partenaires (B4)');
      expect(existsSync(join(cluster.dataDir, 'carton.sqlite'))).toBe(false);
    },
  );
});
