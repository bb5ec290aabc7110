// JSON answers re-read on the venue's wifi (« Les incontournables » every 30 s, vote results,
// the mosaic's board list) are gzipped when the client accepts it; answers that carry a token
// beside text a participant wrote (the forum with its links, a new forum, a rotated link) never
// are (BREACH: the compressed size would tell an attacker whether a guess matches the token).
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type CartonServer } from '../support/server.ts';
import { connect, docUntil, forumSuite, type CreatedForum } from './helpers.ts';
import { api, createSeedForum, writeNotes } from './forum-support.ts';

const TERRITORIES = [
  'Kamouraska',
  'La Mitis',
  'Témiscouata',
  'Rimouski-Neigette',
  'Les Basques',
  'La Matapédia',
  'La Matanie',
  'Rivière-du-Loup',
];

let server: CartonServer;
let forum: CreatedForum;
let voteId = '';
forumSuite(
  (started) => createSeedForum(started, TERRITORIES),
  (started, created) => {
    server = started;
    forum = created;
  },
);

/** Real lines of the forum's report, 80 distinct notes per board (10 boards). */
const lines = [
  ...new Set(
    readFileSync(join(REPO_ROOT, 'tests/fixtures/forum-alliance-bsl-2023.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 12 && l.length <= 140),
  ),
];

beforeAll(async () => {
  const boards = forum.boards.filter((b) => b.kind !== 'plenary');
  for (const [n, board] of boards.entries()) {
    const texts = Array.from({ length: 80 }, (_, i) => lines[(n * 37 + i) % lines.length]!);
    await writeNotes(server, board.id, board.edit.token, texts);
  }
  const base = `/api/forums/${forum.forum.id}/votes`;
  const opened = await api(server, 'POST', base, forum.facilitator.token, {
    title: 'Priorités',
    boardIds: boards.map((b) => b.id),
    dotsPerParticipant: 3,
  });
  voteId = opened.body.vote.id;
  // 40 participants give their 3 dots across the boards' notes.
  const notes: { boardId: string; shapeId: string }[] = [];
  for (const board of boards) {
    const reader = connect(server, board.id, board.view.token);
    await reader.synced;
    for (const s of reader.board.listShapes()) {
      if (s.type === 'note' && s.text.trim() !== '')
        notes.push({ boardId: board.id, shapeId: s.id });
    }
    reader.destroy();
  }
  for (let voter = 0; voter < 40; voter++) {
    for (let dot = 0; dot < 3; dot++) {
      const note = notes[(voter * 7 + dot * 13) % notes.length]!;
      const placed = await api(server, 'POST', `${base}/${voteId}/dots`, boards[0]!.edit.token, {
        ...note,
        voterId: `participant-${String(voter).padStart(4, '0')}`,
      });
      if (placed.status !== 201) throw new Error(`dot: ${placed.status} ${placed.text}`);
    }
  }
  await api(server, 'POST', `${base}/${voteId}/close`, forum.facilitator.token);
}, 120_000);

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The answer's bytes as sent (node:http: no transparent decoding, unlike fetch). */
function send(
  path: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function raw(path: string, token: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  return send(path, method, {
    Authorization: `Bearer ${token}`,
    ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }),
  });
}

const paths = () => ({
  compilation: `/api/forums/${forum.forum.id}/compilation`,
  votes: `/api/forums/${forum.forum.id}/votes/${voteId}`,
  boards: `/api/forums/${forum.forum.id}/boards`,
  forum: `/api/forums/${forum.forum.id}`,
});

describe('gzip on the JSON answers re-read during the plenary', () => {
  it('compilation, vote results and board list: gzipped when accepted, the same JSON once inflated', async () => {
    const sizes: string[] = [];
    for (const [name, path] of Object.entries(paths()).slice(0, 3)) {
      const plain = await raw(path, forum.facilitator.token);
      const gzipped = await raw(path, forum.facilitator.token, 'gzip, deflate, br');
      sizes.push(`${name}: ${plain.body.length} B → ${gzipped.body.length} B gzip`);
      expect(plain.status).toBe(200);
      expect(gzipped.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.headers['content-encoding'], sizes.join('; ')).toBe('gzip');
      expect(gzipped.headers['content-type']).toBe(plain.headers['content-type']);
      expect(gzipped.headers['content-type']).toMatch(/^application\/json/);
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
      expect(gzipped.body.length).toBeLessThan(plain.body.length);
      // Results and ideas name notes and counts, never a voter (a secret beside the words).
      expect(plain.body.toString('utf8')).not.toMatch(/participant-|voter/i);
    }
    console.log(sizes.join('\n'));
  });

  it('not gzipped when the client does not accept it (none, identity, gzip;q=0)', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0', 'br']) {
      const answer = await raw(paths().compilation, forum.facilitator.token, accept);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(answer.body.toString('utf8')).items.length).toBeGreaterThan(100);
    }
  });

  it('never on answers that carry a token: the forum with its links, a rotated link, a new forum', async () => {
    const forumAnswer = await raw(paths().forum, forum.facilitator.token, 'gzip');
    expect(forumAnswer.status).toBe(200);
    expect(forumAnswer.headers['content-encoding']).toBeUndefined();
    expect(forumAnswer.body.toString('utf8')).toContain(forum.facilitator.token);
    console.log(`forum (links, not compressed): ${forumAnswer.body.length} B`);
    const board = forum.boards[1]!;
    const rotated = await send(
      `/api/forums/${forum.forum.id}/boards/${board.id}/links/view/rotate`,
      'POST',
      { Authorization: `Bearer ${forum.facilitator.token}`, 'Accept-Encoding': 'gzip' },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(rotated.body.toString('utf8')).link.token).toMatch(/\S{20,}/);
    const territories = Array.from({ length: 30 }, (_, n) => `Territoire ${n}`);
    const created = await send(
      '/api/forums',
      'POST',
      { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' },
      JSON.stringify({ title: 'Forum', territories }),
    );
    expect(created.status).toBe(201);
    expect(created.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(created.body.toString('utf8')).facilitator.token).toMatch(/\S{20,}/);
  });

  it('errors keep their JSON shape; small answers and HEAD are left as they are', async () => {
    const refused = await raw(paths().compilation, 'not-a-token-of-this-forum', 'gzip');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8')).error.code).toEqual(expect.any(String));
    const small = await raw(`/api/boards/${forum.boards[0]!.id}`, forum.facilitator.token, 'gzip');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const head = await raw(paths().compilation, forum.facilitator.token, 'gzip', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
  });
});

describe('the 30 s re-read of the list when nothing changed', () => {
  it('304 without a body for the tag held; a note reworded on a board (no merge, no compilation change) is a 200 again', async () => {
    const path = paths().compilation;
    const token = forum.facilitator.token;
    const first = await raw(path, token, 'gzip');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await send(path, 'GET', {
      Authorization: `Bearer ${token}`,
      'Accept-Encoding': 'gzip',
      'If-None-Match': tag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(tag);
    // A participant rewords a note of Kamouraska; a fresh client sees it, so the server has it.
    const board = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const writer = connect(server, board.id, board.edit.token);
    await writer.synced;
    const note = writer.board.listShapes().find((s) => s.type === 'note' && s.text.trim())!;
    writer.run((tx) => tx.update(note.id, { text: 'Transport collectif dans toutes les MRC' }));
    const watcher = connect(server, board.id, board.edit.token);
    await watcher.synced;
    await docUntil(watcher.doc, 'the reworded note', () =>
      watcher.board
        .listShapes()
        .some((s) => s.type === 'note' && s.text === 'Transport collectif dans toutes les MRC'),
    );
    writer.destroy();
    watcher.destroy();
    const changed = await send(path, 'GET', {
      Authorization: `Bearer ${token}`,
      'If-None-Match': tag,
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(changed.body.toString('utf8')).toContain('Transport collectif dans toutes les MRC');
  });
});
