// The venue laptop's disk fills up during the forum (SPEC R6, R69): the built server with its
// data directory on a 4 MiB tmpfs, stock y-websocket clients editing two territory boards, a
// file written until ENOSPC, editing on, then the space freed. The process lives, /healthz and
// the HTTP routes say storage is failing (503 JSON), the relay closes rooms with 4501 and the
// stock clients keep their edits and resend them, the logs say it once, and once space is back
// every edit any client saw is stored — checked after a restart on the same data directory,
// with `PRAGMA integrity_check`. Mounting needs root (CI and the dev machine have it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { png } from '../integration/fixtures/images.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  territoryBoard,
  type Client,
  type CreatedBoard,
} from '../integration/helpers.ts';
import { errorLinesByEvent, startServer, type CartonServer } from '../support/server.ts';
import { mountSmallDisk } from '../support/small-disk.ts';
import { SEED_NOTE_TEXTS } from './support/seed-texts.ts';

const disk = mountSmallDisk();
const mounted = 'dir' in disk ? disk : null;
if (mounted === null) {
  console.warn(
    `disk-full: skipped, a tmpfs cannot be mounted here (${'reason' in disk ? disk.reason : ''})`,
  );
}

let server: CartonServer | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
  mounted?.unmount();
});

/** Resolves with the next close code the client's socket receives. */
function nextClose(client: Client): Promise<number> {
  return new Promise((resolve) => {
    client.provider.once('connection-close', (event: { code: number } | null) =>
      resolve(event?.code ?? 0),
    );
  });
}

function noteTexts(client: Client): Set<string> {
  return new Set(
    client.board.listShapes().flatMap((shape) => (shape.type === 'note' ? [shape.text] : [])),
  );
}

/** Seed words, padded so that each note weighs ~1 KiB in the update log. */
function noteText(territory: string, n: number): string {
  const words = `${SEED_NOTE_TEXTS[n % SEED_NOTE_TEXTS.length]} — ${territory} n° ${n}`;
  return `${words} : ${'conditions souhaitées '.repeat(45)}`.slice(0, 1000);
}

interface Territory {
  name: string;
  board: CreatedBoard;
  writer: Client;
  watcher: Client;
  /** Every note text the writer made (so the writer saw it). */
  texts: string[];
  failures: number;
}

/** The writer adds one note; resolves once the watcher saw it (stored, R5) or the room failed. */
async function addNote(territory: Territory): Promise<'stored' | 'failed'> {
  const text = noteText(territory.name, territory.texts.length);
  territory.texts.push(text);
  const closed = nextClose(territory.writer).then((code) => {
    expect(code).toBe(4501);
    return 'failed' as const;
  });
  territory.writer.run((tx) => tx.create('note', { x: territory.texts.length * 10, y: 0, text }));
  const seen = docUntil(
    territory.watcher.doc,
    text,
    () => noteTexts(territory.watcher).has(text),
    15_000,
  ).then(() => 'stored' as const);
  return Promise.race([closed, seen]);
}

function storageLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":"(error|warn)"/.test(line))
    .filter((line) => /append|storage|checkpoint|compact|flush|SQLITE|disk/i.test(line));
}

/** Resolves after `ms`: the window connection attempts are counted over (R69's retry pace). */
function windowOf(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe.runIf(mounted !== null)('Carton when the data disk fills up (R6, R69)', () => {
  it('keeps running, answers 503 storage_unavailable, loses no edit and says it once', async () => {
    const dataDir = join(mounted!.dir, 'data');
    mkdirSync(dataDir);
    server = await startServer({ dataDir });
    const forum = await createForum(server);
    const territories: Territory[] = ['Témiscouata', 'Kamouraska'].map((name) => {
      const board = territoryBoard(forum, name);
      const writer = connect(server!, board.id, board.edit.token);
      const watcher = connect(server!, board.id, board.edit.token);
      clients.push(writer, watcher);
      return { name, board, writer, watcher, texts: [], failures: 0 };
    });
    // More people on each board, only reading: each room's failure closes them too, and they
    // all reconnect — 10 stock clients retrying during the outage.
    const readers = territories.flatMap((t) =>
      [0, 1, 2].map(() => connect(server!, t.board.id, t.board.view.token)),
    );
    clients.push(...readers);
    await Promise.all(readers.map((reader) => reader.synced));
    for (const t of territories) await Promise.all([t.writer.synced, t.watcher.synced]);
    for (const t of territories) expect(await addNote(t)).toBe('stored');

    mounted!.fill();
    const logFrom = server.output().length;
    // Edit on until each board's room fails (the WAL may still have room for a few notes).
    for (const t of territories) {
      let outcome: 'stored' | 'failed' = 'stored';
      for (let round = 0; round < 400 && outcome === 'stored'; round++) outcome = await addNote(t);
      expect(outcome).toBe('failed');
    }
    // Editing goes on while the stock clients retry: each keeps its doc and resends.
    for (const t of territories) {
      for (let n = 0; n < 3; n++) {
        const text = noteText(t.name, t.texts.length);
        t.texts.push(text);
        t.writer.run((tx) => tx.create('note', { x: n * 10, y: 300, text }));
      }
    }
    // Several retries of each writer, each refused while the disk is full.
    for (const t of territories) {
      for (let retry = 0; retry < 2; retry++) expect(await nextClose(t.writer)).toBe(4501);
    }
    // R69: a stock client (whose backoff restarts at each sync, and a refused socket syncs
    // first) tries again about every 2.5 s, not ~4 times a second — its retry is held a moment.
    const attempts = territories.map(() => 0);
    const counters = territories.map((t, i) => {
      const count = ({ status }: { status: string }) => {
        if (status === 'connecting') attempts[i]!++;
      };
      t.writer.provider.on('status', count);
      return () => t.writer.provider.off('status', count);
    });
    await windowOf(5_000);
    for (const stop of counters) stop();
    for (const count of attempts) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(3);
    }

    // 1. The process answers: /healthz says storage fails, routes answer 503 JSON.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      storage: { ok: false, code: 'disk_full' },
    });
    const created = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum de la Matanie', templates: false }),
    });
    expect(created.status).toBe(503);
    expect(await created.json()).toMatchObject({ error: { code: 'storage_unavailable' } });

    // The facilitator page's writes: a board renamed (forum rows), the timer (forum document).
    const facilitator = forum.facilitator.token;
    const board0 = territories[0]!.board;
    const renamed = await authFetch(
      server,
      `/api/forums/${forum.forum.id}/boards/${board0.id}`,
      facilitator,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Témiscouata — conditions souhaitées' }),
      },
    );
    expect(renamed.status).toBe(503);
    expect(await renamed.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
    const timer = await authFetch(server, `/api/forums/${forum.forum.id}/timer`, facilitator, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'start', durationMs: 600_000 }),
    });
    expect(timer.status).toBe(503);
    expect(await timer.json()).toMatchObject({ error: { code: 'storage_unavailable' } });

    // 3. A photo while full: 503 JSON, nothing stored, no quota charged.
    const board = territories[0]!.board;
    const photo = png(120, 80);
    const upload = () =>
      authFetch(server!, `/api/boards/${board.id}/images`, board.edit.token, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: new Uint8Array(photo),
      });
    const refused = await upload();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'storage_unavailable' } });

    // 4. Nearly full: a little room comes back (256 KiB, less than R69's margin of 1 MiB beyond
    // the WAL). The writers' kept notes go through, yet storage still counts as failing — no
    // `storage_recovered` followed by another `storage_failing` when the room runs out (a flap).
    mounted!.freeSome(256 * 1024);
    for (const t of territories) {
      await docUntil(
        t.watcher.doc,
        `${t.name}'s kept notes stored on a nearly full disk`,
        () => t.texts.every((text) => noteTexts(t.watcher).has(text)),
        15_000,
      );
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    const nearlyFull = territories[0]!;
    let outcome: 'stored' | 'failed' = 'stored';
    for (let round = 0; round < 400 && outcome === 'stored'; round++) {
      outcome = await addNote(nearlyFull);
    }
    expect(outcome).toBe('failed');
    expect(server.output().slice(logFrom)).not.toMatch(/storage_recovered/);

    // 5. Said once, clearly (disk full, which file), not once per retry: `storage_failing` is
    // the outage's one storage line — no `append_failed` beside it, for the first room or the
    // retries of the 10 clients, nor `change_not_stored` for the timer (debug lines only).
    const lines = storageLines(server.output().slice(logFrom));
    expect(lines.filter((line) => /storage_failing/.test(line))).toHaveLength(1);
    expect(lines.join('\n')).toContain(join(dataDir, 'carton.sqlite'));
    expect(lines.join('\n')).toMatch(/disk_full/);
    const byEvent = errorLinesByEvent(server.output().slice(logFrom));
    expect(byEvent).toMatchObject({ storage_failing: 1 });
    for (const quiet of ['append_failed', 'compaction_failed', 'checkpoint_failed']) {
      expect(byEvent[quiet] ?? 0, quiet).toBe(0);
    }
    expect(byEvent['change_not_stored'] ?? 0).toBe(0);
    expect(byEvent['rename_not_stored'] ?? 0).toBe(0);
    expect(lines.length).toBeLessThanOrEqual(2);

    // 2. Space comes back: every edit reaches storage with no restart.
    mounted!.free();
    for (const t of territories) {
      await docUntil(
        t.watcher.doc,
        `every ${t.name} note on the server`,
        () => t.texts.every((text) => noteTexts(t.watcher).has(text)),
        20_000,
      );
    }
    await server.waitForOutput(/storage_recovered/, 10_000);
    const healed = await fetch(`${server.url}/healthz`);
    expect(healed.status).toBe(200);
    expect(await healed.json()).toEqual({ ok: true });
    const accepted = await upload();
    expect(accepted.status).toBe(201);

    // The stored state: a restart on the same data directory, a fresh client per board.
    for (const client of clients.splice(0)) client.destroy();
    await server.restart();
    for (const t of territories) {
      const reader = connect(server, t.board.id, t.board.view.token);
      clients.push(reader);
      await reader.synced;
      const stored = noteTexts(reader);
      for (const text of t.texts) expect(stored.has(text), text.slice(0, 40)).toBe(true);
    }

    // 6. Full again with nobody's changes waiting (the readers keep none): a refused request
    // says so; once space is back the server's own probe sees it, with no edit (R69).
    mounted!.fill();
    const refusedForum = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum de la Matanie', templates: false }),
    });
    expect(refusedForum.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    const recoveries = server.output().match(/storage_recovered/g)?.length ?? 0;
    mounted!.free();
    await server.waitForOutput(
      new RegExp(`(storage_recovered[\\s\\S]*){${recoveries + 1}}`),
      15_000,
    );
    const probed = await fetch(`${server.url}/healthz`);
    expect(probed.status).toBe(200);
    expect(await probed.json()).toEqual({ ok: true });

    await server.kill();
    const file = join(dataDir, 'carton.sqlite');
    expect(execFileSync('sqlite3', [file, 'PRAGMA integrity_check;']).toString().trim()).toBe('ok');
    // One photo stored (the one accepted after), nothing half-written beside the database.
    expect(
      execFileSync('sqlite3', [file, 'SELECT count(*), sum(bytes) FROM blobs;']).toString().trim(),
    ).toBe(`1|${photo.byteLength}`);
    expect(readdirSync(dataDir).filter((name) => !name.startsWith('carton.sqlite'))).toEqual([]);
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  });
});
