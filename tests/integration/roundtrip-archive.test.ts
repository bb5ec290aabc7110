// A forum's archive restores everything (ARCHIVE): a forum on one built server holding
// generated boards of every shape type (the model's generator), its templates, photos, named
// versions, a dot vote and the compilation's merges and ideas set aside — archived, imported
// into a second server, archived again: both archives say the same, file for file, but for
// the ids the import makes new. Then hostile variants of the archive (a board file or the
// manifest mutated, the zip cut or scrambled) are refused with a JSON error, never a 500, and
// the server goes on serving.
import { createHash } from 'node:crypto';
import type { BoardFile } from '@carton/board';
import { serializeBoardFile } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBoardFile } from '../../packages/board/src/test/generated-file.ts';
import { hostileFile } from '../../packages/board/src/test/hostile-file.ts';
import { createRng } from '../../packages/board/src/test/prng.ts';
import { archiveFiles, zipFiles } from '../../apps/server/src/archive/test-archives.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { png } from './fixtures/images.ts';
import { api } from './forum-support.ts';
import { authFetch, createForum, exportJson, unzip, type CreatedForum } from './helpers.ts';

const GENERATED_BOARDS = 5;
const HOSTILE_ARCHIVES = 24;

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
let zip: Buffer;

interface Manifest {
  forum: { id: string; title: string; date?: string | null };
  boards: {
    id: string;
    kind: string;
    title: string;
    territory: string | null;
    position: number;
    json: string;
    versions?: { json: string; name: string | null; kind: string }[];
  }[];
  files: { path: string; sha256: string }[];
  images: { blobId: string; path: string }[];
  facilitation?: {
    votes: {
      id: string;
      title: string;
      boardIds: string[];
      state: string;
      counts: Record<string, number>;
      voters?: { id: string; dots: string[] }[];
    }[];
    compilation?: { boardIds: string[]; merges: Record<string, string>; setAside?: string[] };
  };
}

async function archiveOf(server: CartonServer, created: CreatedForum): Promise<Buffer> {
  const response = await authFetch(
    server,
    `/api/forums/${created.forum.id}/archive.zip`,
    created.facilitator.token,
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function importInto(server: CartonServer, body: Uint8Array): Promise<Response> {
  return fetch(`${server.url}/api/forums/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: new Uint8Array(body),
  });
}

beforeAll(async () => {
  // Many imports from one address in this file: past R32's default hourly budget.
  const env = { CARTON_FORUMS_PER_HOUR_PER_IP: '1000', CARTON_FORUM_BURST_PER_IP: '1000' };
  [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
  forum = await createForum(a, {
    title: 'Forum régional — « conditions de succès »',
    territories: ['Kamouraska', 'La Mitis'],
  });
  const kamouraska = forum.boards.find((board) => board.territory === 'Kamouraska')!;
  const photos = [];
  for (const [width, height] of [
    [48, 32],
    [5, 90],
  ] as const) {
    const data = png(width, height);
    const upload = await authFetch(
      a,
      `/api/boards/${kamouraska.id}/images`,
      kamouraska.edit.token,
      {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: new Uint8Array(data),
      },
    );
    expect(upload.status).toBe(201);
    const { blobId } = (await upload.json()) as { blobId: string };
    expect(blobId).toBe(createHash('sha256').update(data).digest('hex'));
    photos.push({ blobId, mime: 'image/png' as const, width, height });
  }
  // Generated content: into the territory's board (over its template), and as new boards.
  const mixed = serializeBoardFile(generateBoardFile(createRng(501), { maxShapes: 30, photos }));
  const imported = await authFetch(
    a,
    `/api/boards/${kamouraska.id}/import`,
    kamouraska.edit.token,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: mixed,
    },
  );
  expect(imported.status).toBe(200);
  // Two written ideas to vote on (dots go on written notes only).
  const ideas = ['Financement systémique', 'Liens de relais entre les organismes'];
  const written = await authFetch(a, `/api/boards/${kamouraska.id}/import`, kamouraska.edit.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      format: 'carton-board',
      version: 2,
      meta: { schemaVersion: 1, title: 'Idées', kind: 'territory' },
      shapes: ideas.map((text, i) => ({
        id: `shape:idea${i}ideaideaideaideaidea`,
        type: 'note',
        x: i * 240,
        y: 3000,
        rotation: 0,
        index: `a${i}`,
        parentId: null,
        text,
        color: 'yellow',
        w: 200,
        h: 200,
      })),
    }),
  });
  expect(written.status, await written.clone().text()).toBe(200);
  for (let seed = 1; seed <= GENERATED_BOARDS; seed++) {
    const file = generateBoardFile(createRng(500 + seed), { maxShapes: 40, photos });
    const created = await api(
      a,
      'POST',
      `/api/forums/${forum.forum.id}/boards`,
      forum.facilitator.token,
      {
        title: `Tableau généré ${seed}`,
        kind: 'postcards',
        file,
      },
    );
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    forum.boards.push(created.body.board);
  }
  // Named versions of two boards.
  for (const board of forum.boards.slice(0, 2)) {
    const named = await api(
      a,
      'POST',
      `/api/boards/${board.id}/snapshots`,
      forum.facilitator.token,
      {
        name: `Avant la plénière — ${board.title}`,
      },
    );
    expect(named.status).toBe(201);
  }
  // A dot vote on the territory's notes, closed (an open one comes back closed at export time).
  const notes = (
    (await (await exportJson(a, kamouraska.id, kamouraska.view.token)).json()) as BoardFile
  ).shapes
    .filter((shape) => shape.type === 'note' && ideas.includes(String(shape['text'])))
    .map((shape) => shape.id);
  expect(notes.length).toBeGreaterThan(1);
  const vote = await api(
    a,
    'POST',
    `/api/forums/${forum.forum.id}/votes`,
    forum.facilitator.token,
    {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id],
      dotsPerParticipant: 3,
    },
  );
  expect(vote.status).toBe(201);
  const votePath = `/api/forums/${forum.forum.id}/votes/${vote.body.vote.id}`;
  for (const [voterId, shapeId] of [
    ['voter-amelie-0001', notes[0]],
    ['voter-amelie-0001', notes[0]],
    ['voter-amelie-0001', notes[1]],
    ['voter-bruno-00002', notes[1]],
  ]) {
    const dot = await api(a, 'POST', `${votePath}/dots`, kamouraska.edit.token, {
      boardId: kamouraska.id,
      shapeId,
      voterId,
    });
    expect(dot.status, dot.text).toBe(201);
  }
  expect((await api(a, 'POST', `${votePath}/close`, forum.facilitator.token, {})).status).toBe(200);
  // The compilation: two ideas merged, one set aside.
  const compiled = await api(
    a,
    'PUT',
    `/api/forums/${forum.forum.id}/compilation`,
    forum.facilitator.token,
    {
      boardIds: forum.boards.map((board) => board.id),
    },
  );
  expect(compiled.status).toBe(200);
  const keys = (compiled.body.items as { key: string }[]).map((item) => item.key);
  expect(keys.length).toBeGreaterThan(2);
  const merged = await api(
    a,
    'PUT',
    `/api/forums/${forum.forum.id}/compilation`,
    forum.facilitator.token,
    {
      merges: { [keys[1]!]: keys[0]! },
      setAside: { [keys[2]!]: true },
    },
  );
  expect(merged.status).toBe(200);
  zip = await archiveOf(a, forum);
});

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
});

function manifestOf(files: Map<string, Buffer>): Manifest {
  return JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
}

/** What an archive says, the ids a restore makes new replaced by ranks. */
function meaning(files: Map<string, Buffer>) {
  const manifest = manifestOf(files);
  const board = new Map(manifest.boards.map((entry, i) => [entry.id, `board#${i}`]));
  const facilitation = manifest.facilitation;
  const key = (dot: string) => `${board.get(dot.split('/')[0]!)}/${dot.split('/')[1]}`;
  return {
    forum: { title: manifest.forum.title, date: manifest.forum.date },
    boards: manifest.boards.map((entry) => ({
      kind: entry.kind,
      title: entry.title,
      territory: entry.territory,
      position: entry.position,
      file: files.get(entry.json)?.toString('utf8'),
      versions: (entry.versions ?? []).map((version) => ({
        name: version.name,
        kind: version.kind,
        file: files.get(version.json)?.toString('utf8'),
      })),
    })),
    images: manifest.images
      .map(
        (image) =>
          `${image.blobId} ${createHash('sha256').update(files.get(image.path)!).digest('hex')}`,
      )
      .sort(),
    votes: (facilitation?.votes ?? []).map((vote) => ({
      title: vote.title,
      state: vote.state,
      boards: vote.boardIds.map((id) => board.get(id)),
      counts: Object.entries(vote.counts)
        .map(([dot, count]) => `${key(dot)} ${count}`)
        .sort(),
      voters: (vote.voters ?? []).map((voter) => voter.dots.map(key).sort().join(' ')).sort(),
    })),
    compilation: facilitation?.compilation && {
      boards: facilitation.compilation.boardIds.map((id) => board.get(id)),
      merges: facilitation.compilation.merges,
      setAside: facilitation.compilation.setAside,
    },
    incontournables: files.get('incontournables.md')?.toString('utf8'),
  };
}

describe('a forum archive restores everything', () => {
  it('ARCHIVE: archived, restored on a second server and archived again, it says the same', async () => {
    const first = unzip(zip);
    const response = await importInto(b, zip);
    expect(response.status).toBe(201);
    const restored = (await response.json()) as CreatedForum;
    const second = unzip(await archiveOf(b, restored));
    const before = meaning(first);
    expect(before.boards).toHaveLength(forum.boards.length);
    // Automatic versions may come too, when the server took one meanwhile.
    const versions = before.boards.flatMap((entry) => entry.versions);
    expect(versions.filter((version) => version.kind === 'named')).toHaveLength(2);
    expect(before.images).toHaveLength(2);
    expect(before.votes[0]?.voters).toHaveLength(2);
    expect(Object.keys(before.compilation?.merges ?? {})).toHaveLength(1);
    expect(before.compilation?.setAside).toHaveLength(1);
    expect(meaning(second)).toEqual(before);
  });

  it(`ARCHIVE: ${HOSTILE_ARCHIVES} hostile archives are refused with a JSON error or restored whole`, async () => {
    const text = (data: Uint8Array) => Buffer.from(data).toString('utf8');
    const bytes = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
    const files = archiveFiles(new Uint8Array(zip));
    const manifestText = text(files['manifest.json']!);
    const manifest = JSON.parse(manifestText) as Manifest;
    const boardFiles = manifest.boards.map((entry) => entry.json);
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    const rezip = (edited: Record<string, Uint8Array>) => Buffer.from(zipFiles(edited));

    const codes = new Map<string, number>();
    for (let seed = 1; seed <= HOSTILE_ARCHIVES; seed++) {
      const rng = createRng(20_000 + seed);
      let what: string;
      let body: Buffer;
      const roll = rng.int(0, 4);
      if (roll === 0) {
        // A board file mutated, the manifest's checksum following it (as a hand edit would).
        const path = rng.pick(boardFiles);
        const hostile = hostileFile(rng, text(files[path]!));
        const edited = { ...files, [path]: bytes(hostile.text) };
        const listed = JSON.parse(manifestText) as Manifest;
        const entry = listed.files.find((file) => file.path === path)!;
        entry.sha256 = sha256(edited[path]!);
        (entry as { bytes?: number }).bytes = edited[path]!.byteLength;
        edited['manifest.json'] = bytes(JSON.stringify(listed));
        what = `${path}: ${hostile.what}`;
        body = rezip(edited);
      } else if (roll === 1) {
        const hostile = hostileFile(rng, manifestText);
        what = `manifest: ${hostile.what}`;
        body = rezip({ ...files, 'manifest.json': bytes(hostile.text) });
      } else if (roll === 2) {
        const at = rng.int(0, zip.length);
        what = `zip cut at ${at}`;
        body = zip.subarray(0, at);
      } else {
        body = Buffer.from(zip);
        const flips = rng.int(1, 20);
        for (let i = 0; i < flips; i++) body[rng.int(0, body.length)] = rng.int(0, 256);
        what = `${flips} bytes scrambled`;
      }
      const context = `hostile archive seed=${20_000 + seed}: ${what}`;
      const response = await importInto(b, body);
      const answer = await response.text();
      if (response.status === 201) {
        // Accepted (the change was harmless): restored whole.
        const restored = JSON.parse(answer) as CreatedForum;
        expect(restored.boards, context).toHaveLength(manifest.boards.length);
        continue;
      }
      expect([400, 413], `${context}: ${response.status} ${answer.slice(0, 200)}`).toContain(
        response.status,
      );
      const error = (JSON.parse(answer) as { error: { code: string; message: string } }).error;
      expect(error, context).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
      codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
    }
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
    expect(codes.size).toBeGreaterThan(2);
  });
});
