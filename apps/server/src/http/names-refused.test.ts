// R24 for every name a facilitator types, not only titles and territories: a vote's title and a
// version's name are plain visible text too. A vote titled with a line break was accepted, then
// the forum's archive (which checks names on import) could not be restored: the forum day's
// backup was lost. A version named with a lone surrogate was answered as sent and stored as
// U+FFFD. A real server on port 0 with its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { FACILITATION_LIMITS } from '../archive/facilitation.ts';
import type { ArchiveManifest } from '../archive/manifest.ts';
import { editArchive } from '../archive/test-archives.ts';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import type { RunningServer } from './server.ts';

interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string };
  boards: Array<{ id: string; kind: string; territory: string | null }>;
}

// What a clumsy paste or a hostile client sends (JSON escapes, so lone surrogates survive).
const BAD_NAMES: Array<[string, string]> = [
  ['a line break', '"Priorités\\nde la journée"'],
  ['a NUL', '"Priorités\\u0000"'],
  ['a bidi override', '"Vote \\u202Etxt.exe"'],
  ['a lone surrogate', '"Vote \\ud800"'],
  ['nothing visible', '"\\u200b\\u200f"'],
];

let running: LoggedServer;
let server: RunningServer;
let forum: CreatedForum;

const send = async (method: string, path: string, rawBody?: string) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${forum.facilitator.token}`,
      ...(rawBody === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(rawBody === undefined ? {} : { body: rawBody }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Each of BAD_NAMES, POSTed to `path` in the body `bodyWith` makes, is refused on `field`. */
const expectEachRefused = async (
  path: string,
  bodyWith: (name: string) => string,
  field: RegExp,
) => {
  for (const [what, name] of BAD_NAMES) {
    const answer = await send('POST', path, bodyWith(name));
    expect({ what, status: answer.status, code: answer.body['error'] }).toMatchObject({
      what,
      status: 400,
      code: { code: 'invalid_request', message: expect.stringMatching(field) },
    });
  }
};

/** The forum's archive, as its facilitator downloads it. */
const archiveOf = (of: CreatedForum) =>
  fetch(`${server.url}/api/forums/${of.forum.id}/archive.zip`, {
    headers: { Authorization: `Bearer ${of.facilitator.token}` },
  });

/** An archive restored as a new forum, as anyone may. */
const importArchive = (zip: Uint8Array) =>
  fetch(`${server.url}/api/forums/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: zip,
  });

beforeAll(async () => {
  running = await startLoggedServer('names-refused');
  server = running.server;
  const created = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Forum du Témiscouata', territories: ['Témiscouata'] }),
  });
  forum = (await created.json()) as CreatedForum;
});
afterAll(() => running.close());

// Four cases export a forum's archive and import it back (one twice): 1–2 s each on a quiet
// machine, 9–11 s at load 15, past the unit projects' 15 s once (a fresh-clone CI run beside
// other work, 29 November).
const ARCHIVE_ROUND_TRIP_MS = 45_000;

describe('R24: names in every facilitator request', { timeout: ARCHIVE_ROUND_TRIP_MS }, () => {
  it('a vote’s title must be plain visible text, so the forum’s archive always imports back', async () => {
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const votes = `/api/forums/${forum.forum.id}/votes`;
    await expectEachRefused(
      votes,
      (title) => `{"title":${title},"boardIds":["${board.id}"],"dotsPerParticipant":3}`,
      /^title: /,
    );
    // Emoji, accents and markup stay text.
    const kept = await send(
      'POST',
      votes,
      JSON.stringify({
        title: 'Nos priorités 🗳️ <b>2023</b>',
        boardIds: [board.id],
        dotsPerParticipant: 3,
      }),
    );
    expect(kept.status).toBe(201);

    // The forum day's archive restores, vote included.
    const archive = await archiveOf(forum);
    expect(archive.status).toBe(200);
    const restored = await importArchive(new Uint8Array(await archive.arrayBuffer()));
    expect(restored.status).toBe(201);
  });

  it('a version’s name must be plain visible text; the name kept is the name answered', async () => {
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const snapshots = `/api/boards/${board.id}/snapshots`;
    await expectEachRefused(snapshots, (name) => `{"name":${name}}`, /^name: /);
    const kept = await send('POST', snapshots, JSON.stringify({ name: ' Avant la pause 🍎 ' }));
    expect(kept.status).toBe(201);
    const listed = await send('GET', snapshots);
    const versions = listed.body['snapshots'] as Array<{ kind: string; name: string | null }>;
    const names = versions.filter((v) => v.kind === 'named').map((v) => v.name);
    expect(names).toEqual(['Avant la pause 🍎']);
  });

  it('who leads the spotlight is a name: plain visible text', async () => {
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const spotlight = `/api/forums/${forum.forum.id}/spotlight`;
    await expectEachRefused(
      spotlight,
      (by) => `{"active":true,"boardId":"${board.id}","by":${by}}`,
      /^by: /,
    );
    const kept = await send(
      'POST',
      spotlight,
      JSON.stringify({ active: true, boardId: board.id, by: ' Josée 🎤 ' }),
    );
    expect(kept).toMatchObject({ status: 200, body: { spotlight: { by: 'Josée 🎤' } } });
    const off = await send('POST', spotlight, JSON.stringify({ active: false, by: null }));
    expect(off.status).toBe(200);
  });

  it('compilation merges and ideas set aside name items: no control characters', async () => {
    const compilation = `/api/forums/${forum.forum.id}/compilation`;
    const refused = [
      '{"merges":{"transport\\u0000":"mobilite"}}',
      '{"merges":{"transport":"mobilite\\nlocale"}}',
      '{"merges":{"transport \\u202Eexe":null}}',
      '{"merges":{"transport":"mobilite \\ud800"}}',
      '{"setAside":{"question\\u0007":true}}',
    ];
    for (const body of refused) {
      const answer = await send('PUT', compilation, body);
      expect({ body, status: answer.status, code: answer.body['error'] }).toMatchObject({
        body,
        status: 400,
        code: { code: 'invalid_request', message: expect.stringMatching(/^(merges|setAside)\./) },
      });
    }
    const kept = await send(
      'PUT',
      compilation,
      JSON.stringify({
        merges: { 'transport collectif': 'mobilite', 'logement abordable': null },
        setAside: { 'quelles sont vos conditions de succes': true },
      }),
    );
    expect(kept).toMatchObject({
      status: 200,
      body: {
        merges: { 'transport collectif': 'mobilite' },
        setAsideKeys: ['quelles sont vos conditions de succes'],
      },
    });
  });

  it('a compilation keeps no more pairs said different than its archive takes back', async () => {
    const compilation = `/api/forums/${forum.forum.id}/compilation`;
    const pairs = (from: number, count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, n) => [`idee ${from + n}|autre ${from + n}`, true]),
      );
    const max = FACILITATION_LIMITS.maxDistinct;
    // 500 at a time: a JSON body has its limit (maxBodyBytes).
    for (let from = 0; from < max; from += 500) {
      const sent = await send('PUT', compilation, JSON.stringify({ distinct: pairs(from, 500) }));
      expect(sent.status).toBe(200);
    }
    // One pair more, sent alone: the archive's import refused the whole forum beyond the limit.
    const over = await send('PUT', compilation, JSON.stringify({ distinct: pairs(max, 1) }));
    expect(over).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: expect.stringMatching(/^distinct: /) } },
    });
    // At the limit, the forum's archive imports back with every pair.
    const restored = await importArchive(
      new Uint8Array(await (await archiveOf(forum)).arrayBuffer()),
    );
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedForum;
    const compiled = await fetch(`${server.url}/api/forums/${copy.forum.id}/compilation`, {
      headers: { Authorization: `Bearer ${copy.facilitator.token}` },
    });
    expect(((await compiled.json()) as { distinct: string[] }).distinct).toHaveLength(max);
    // Taking a pair back frees its place.
    const freed = await send(
      'PUT',
      compilation,
      JSON.stringify({ distinct: { 'idee 0|autre 0': false, ...pairs(max, 1) } }),
    );
    expect(freed.status).toBe(200);
  });

  it('an archive written before, whose compilation holds such keys, still imports', async () => {
    const archive = await archiveOf(forum);
    expect(archive.status).toBe(200);
    const boardIds = forum.boards.map((b) => b.id);
    const older = editArchive(new Uint8Array(await archive.arrayBuffer()), (_files, manifest) => {
      manifest.facilitation = {
        votes: manifest.facilitation?.votes ?? [],
        compilation: {
          boardIds: manifest.boards.map((b) => b.id),
          merges: { 'transport\u0000': 'mobilite\nlocale', 'vote \u202Eexe': 'x' },
          setAside: ['question\u0007'],
        },
      };
    });
    const restored = await importArchive(older);
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedForum;
    expect(copy.boards.map((b) => b.id)).not.toEqual(boardIds);
    const compiled = await fetch(`${server.url}/api/forums/${copy.forum.id}/compilation`, {
      headers: { Authorization: `Bearer ${copy.facilitator.token}` },
    });
    expect(compiled.status).toBe(200);
    const body = (await compiled.json()) as { merges: Record<string, string> };
    expect(body.merges['transport\u0000']).toBe('mobilite\nlocale');
  });

  it('an archive from before R24 covered votes, with a vote titled across lines, still imports', async () => {
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const opened = await send(
      'POST',
      `/api/forums/${forum.forum.id}/votes`,
      JSON.stringify({ title: 'Priorités', boardIds: [board.id], dotsPerParticipant: 3 }),
    );
    expect(opened.status).toBe(201);
    const archive = await archiveOf(forum);
    // As Carton wrote it before a vote's title was checked: a line break, a bidi override, a
    // NUL; and a title of nothing visible.
    const older = editArchive(new Uint8Array(await archive.arrayBuffer()), (_files, manifest) => {
      const votes = manifest.facilitation!.votes;
      votes[0]!.title = 'Priorités\nde la\u202E journée\u0000';
      votes[1]!.title = '\u200b';
    });
    const restored = await importArchive(older);
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedForum;
    const again = await archiveOf(copy);
    const manifest = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await again.arrayBuffer()))['manifest.json']!),
    ) as ArchiveManifest;
    expect(manifest.facilitation!.votes.map((vote) => vote.title).sort()).toEqual(
      ['Priorités de la journée', 'Vote'].sort(),
    );
  });
});
