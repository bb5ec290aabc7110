// Limits (SPEC R28–R33): exceeding one closes or refuses only the offender, with the documented
// code and a reason; everyone else keeps syncing. One server per group of limits, tight values.
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  connect,
  createForum,
  docUntil,
  frame,
  openSocket,
  refusedUpgradeFrom,
  scratchUpdate,
  territoryBoard,
  waitUntil,
  type Client,
  type CreatedBoard,
  type CreatedForum,
} from './helpers.ts';
import { request } from 'node:http';

const clients: Client[] = [];
const servers: CartonServer[] = [];

function track(client: Client): Client {
  clients.push(client);
  return client;
}

afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(servers.map((server) => server.dispose()));
});

async function start(env: Record<string, string>): Promise<CartonServer> {
  const server = await startServer({ env });
  servers.push(server);
  return server;
}

/** Two stock clients on a board; `check()` proves edits still flow both ways. */
async function bystanders(server: CartonServer, board: CreatedBoard) {
  const a = track(connect(server, board.id, board.edit.token));
  const b = track(connect(server, board.id, board.edit.token));
  await Promise.all([a.synced, b.synced]);
  return {
    async check(text: string) {
      const id = a.run((tx) => tx.create('note', { x: 0, y: 0, text }));
      await docUntil(b.doc, `a bystander to receive « ${text} »`, () => !!b.shape(id)).catch(
        (error: Error) => {
          throw new Error(`${error.message}\nServer output:\n${server.output().slice(-3000)}`);
        },
      );
      const back = b.run((tx) => tx.create('note', { x: 9, y: 9, text: `${text} (réponse)` }));
      await docUntil(a.doc, 'the reply', () => !!a.shape(back));
      expect([a.disconnects(), b.disconnects()]).toEqual([0, 0]);
    },
  };
}

function awarenessFrame(awareness: awarenessProtocol.Awareness, extra: string): Buffer {
  awareness.setLocalStateField('cursor', { x: Math.random(), note: extra });
  return frame(1, null, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
}

describe('per-connection message limits', () => {
  let server: CartonServer;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await start({
      CARTON_UPDATES_PER_SECOND: '5',
      CARTON_UPDATE_BURST: '20',
      CARTON_MAX_UPDATE_BYTES: '16384',
      CARTON_AWARENESS_PER_SECOND: '5',
      CARTON_AWARENESS_BURST: '5',
      CARTON_MAX_AWARENESS_BYTES: '2048',
      CARTON_STATE_REQUESTS_PER_MINUTE: '1',
      CARTON_STATE_REQUEST_BURST: '2',
      CARTON_MAX_BOARD_BYTES: '65536',
    });
    forum = await createForum(server);
  });

  it('R28: a stock client sending updates too fast is closed with 4429 and does not reconnect', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    const others = await bystanders(server, board);
    const offender = track(connect(server, board.id, board.edit.token));
    await offender.synced;
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      offender.provider.once('closed', (event: { code: number; reason: string }) => resolve(event)),
    );
    for (let i = 0; i < 40; i++) {
      offender.run((tx) => tx.create('note', { x: i, y: i, text: `Rafale ${i}` }));
    }
    const event = await closed;
    expect(event.code).toBe(4429);
    expect(event.reason).toMatch(/update rate.*do not retry/);
    expect(offender.provider.shouldConnect).toBe(false);
    await others.check('Toujours là après la rafale');
  });

  it('R28: an update larger than CARTON_MAX_UPDATE_BYTES closes its sender with 4413', async () => {
    const board = territoryBoard(forum, 'Rivière-du-Loup');
    const others = await bystanders(server, board);
    const { ws, closed } = await openSocket(server, board.id, board.edit.token);
    ws.send(frame(0, 2, scratchUpdate(new Y.Doc(), 'gros', 'x'.repeat(20_000))));
    expect(await closed).toEqual({
      code: 4413,
      reason: 'limit exceeded: update too large; do not retry automatically',
    });
    await others.check('Pas touchés par la grosse mise à jour');
  });

  it('R28: a device back from the wifi with more than one update’s worth of changes sends them all (sync step 2 has its own, larger limit)', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const others = await bystanders(server, board);
    const device = track(connect(server, board.id, board.edit.token));
    await device.synced;
    // The wifi drops; the group keeps writing: ~40 KB of notes, past CARTON_MAX_UPDATE_BYTES
    // (16 KiB here), within the board's 64 KiB. They go as one sync step 2 on reconnecting,
    // which was refused with 4413 every time: the device could never send them.
    device.provider.disconnect();
    const texts = Array.from(
      { length: 80 },
      (_, i) => `Idée ${i} : ${'Logement social et abordable, transport collectif. '.repeat(8)}`,
    );
    const ids = texts.map((text, i) =>
      device.run((tx) =>
        tx.create('note', { x: (i % 10) * 220, y: Math.floor(i / 10) * 220, text }),
      ),
    );
    const offline = Y.encodeStateAsUpdate(device.doc).byteLength;
    expect(offline).toBeGreaterThan(16_384);
    device.provider.connect();
    const reader = track(connect(server, board.id, board.view.token));
    await reader.synced;
    await docUntil(reader.doc, 'every note made offline', () =>
      ids.every((id) => !!reader.shape(id)),
    );
    expect(device.provider.shouldConnect).toBe(true);
    expect(device.disconnects()).toBe(1);
    await others.check('Toujours là après le retour du wifi');
  });

  it('R29b: sync step 1 past its budget goes unanswered (each may encode the board again); the connection stays', async () => {
    const board = territoryBoard(forum, 'La Matanie');
    const viewer = await openSocket(server, board.id, board.view.token);
    let answers = 0;
    viewer.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) answers++; // sync step 2
    });
    // A state vector naming a client the board never saw: no cached answer fits it.
    const stateVector = Uint8Array.of(1, 0xb2, 0xf2, 0x19, 1);
    for (let i = 0; i < 6; i++) viewer.ws.send(frame(0, 0, stateVector));
    // Frames are handled in order: a malformed one ends the socket after every answer.
    viewer.ws.send(Uint8Array.of(0, 9));
    expect((await viewer.closed).code).toBe(4400);
    expect(answers).toBe(2);
  });

  it('R29: presence past its budget arrives late with its newest state, a flood past four times it closes with 4429, a large one with 4413', async () => {
    const board = territoryBoard(forum, 'Témiscouata');
    const others = await bystanders(server, board);
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    // A watcher counts the presence frames the board relays from the fast client, and reads them.
    const watcher = await openSocket(server, board.id, board.view.token);
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    let relayed = 0;
    watcher.ws.on('message', (data: Buffer) => {
      if (data[0] !== 1) return;
      if (data.length > 20) relayed++;
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'relay');
    });
    const fast = await openSocket(server, board.id, board.edit.token);
    // Twelve cursor moves at once, over a budget of 5/s with a burst of 5: not closed, and the
    // last one reaches the others once the budget allows (the fast client then goes quiet).
    for (let i = 0; i < 12; i++) fast.ws.send(awarenessFrame(awareness, `${i}`));
    const noteSeen = () =>
      (seen.getStates().get(awareness.clientID) as { cursor?: { note: string } } | undefined)
        ?.cursor?.note;
    await waitUntil(
      'the last of the twelve moves to reach the watcher',
      () => noteSeen() === '11',
      (check) => {
        seen.on('change', check);
        return () => seen.off('change', check);
      },
    );
    expect(fast.ws.readyState).toBe(fast.ws.OPEN);
    // A flood past four times the budget (burst 20) is closed.
    for (let i = 0; i < 40; i++) fast.ws.send(awarenessFrame(awareness, `flood ${i}`));
    expect(await fast.closed).toEqual({
      code: 4429,
      reason: 'limit exceeded: awareness rate; do not retry automatically',
    });
    expect(relayed).toBeLessThan(12);
    const big = await openSocket(server, board.id, board.edit.token);
    big.ws.send(awarenessFrame(awareness, 'y'.repeat(3_000)));
    expect(await big.closed).toMatchObject({
      code: 4413,
      reason: expect.stringMatching(/awareness too large/),
    });
    awareness.destroy();
    seen.destroy();
    watcher.ws.close();
    await others.check('Les curseurs des autres vont bien');
  });

  it('R30: updates that would grow the board past CARTON_MAX_BOARD_BYTES close with 4409; deletions pass', async () => {
    const board = territoryBoard(forum, 'Les Basques');
    const elsewhere = territoryBoard(forum, 'La Mitis');
    const others = await bystanders(server, elsewhere);
    const doc = new Y.Doc();
    const { ws, closed } = await openSocket(server, board.id, board.edit.token);
    let sent = 0;
    const outcome = closed.then((event) => ({ event, sent }));
    for (let i = 0; i < 10; i++) {
      ws.send(frame(0, 2, scratchUpdate(doc, `bloc-${i}`, `${i}`.repeat(10_000))));
      sent++;
    }
    const { event } = await outcome;
    expect(event).toEqual({
      code: 4409,
      reason: 'limit exceeded: board is full; do not retry automatically',
    });
    // The full board still opens and reads; a reader holding nothing new is not refused.
    const reader = track(connect(server, board.id, board.edit.token));
    await reader.synced;
    expect(reader.doc.getMap('scratch').size).toBeGreaterThanOrEqual(5);
    expect(reader.doc.getMap('scratch').size).toBeLessThan(10);
    // Deleting is always allowed, even on a full board.
    const key = [...reader.doc.getMap('scratch').keys()][0]!;
    const witness = track(connect(server, board.id, board.view.token));
    await witness.synced;
    reader.doc.getMap('scratch').delete(key);
    await docUntil(
      witness.doc,
      'the deletion to arrive',
      () => !witness.doc.getMap('scratch').has(key),
    );
    expect(reader.disconnects()).toBe(0);
    await others.check('Les autres tableaux ne sont pas pleins');
  });
});

describe('per-board connection guard', () => {
  let server: CartonServer;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await start({
      CARTON_MAX_CONNECTIONS_PER_BOARD: '3',
      CARTON_JOINS_PER_SECOND_PER_BOARD: '1',
      CARTON_JOIN_BURST_PER_BOARD: '6',
    });
    forum = await createForum(server);
  });

  it('R31: the connection past CARTON_MAX_CONNECTIONS_PER_BOARD is closed with 4430', async () => {
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const others = await bystanders(server, board);
    const third = await openSocket(server, board.id, board.view.token);
    const fourth = await openSocket(server, board.id, board.view.token);
    expect(await fourth.closed).toEqual({
      code: 4430,
      reason: 'limit exceeded: connections on this board; do not retry automatically',
    });
    // Another board is not crowded.
    const elsewhere = territoryBoard(forum, 'La Matanie');
    const free = await openSocket(server, elsewhere.id, elsewhere.view.token);
    free.ws.close();
    await others.check('Trois, c’est assez');
    // A place freed is a place again.
    third.ws.close();
    await third.closed;
    const again = await openSocket(server, board.id, board.view.token);
    const stillOpen = await Promise.race([
      again.closed.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300)),
    ]);
    expect(stillOpen).toBe(true);
    again.ws.close();
  });

  it('R31: joins of one board past its per-second budget are closed with 4429', async () => {
    const board = territoryBoard(forum, 'La Matapédia');
    const others = await bystanders(server, board); // two joins
    const refused: number[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await openSocket(server, board.id, board.view.token);
      const closing = socket.closed;
      socket.ws.close(1000);
      const { code } = await closing;
      if (code !== 1000 && code !== 1005) refused.push(code);
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([4429]));
    await others.check('Les déjà connectés restent');
  });
});

function httpGet(url: string, token: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { localAddress, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A POST as a browser page of `origin` would send it (`text/plain`: no CORS preflight). */
function postFrom(
  url: string,
  body: string,
  origin: string,
  localAddress: string,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('before authentication', () => {
  let server: CartonServer;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await start({
      CARTON_UPGRADES_PER_SECOND_PER_IP: '1',
      CARTON_UPGRADE_BURST_PER_IP: '5',
      CARTON_BAD_TOKENS_PER_MINUTE_PER_IP: '1',
      CARTON_BAD_TOKEN_BURST_PER_IP: '3',
      CARTON_ALLOWED_ORIGINS: 'https://alliance.example',
      CARTON_FORUMS_PER_HOUR_PER_IP: '1',
      CARTON_FORUM_BURST_PER_IP: '2',
    });
    forum = await createForum(server);
  });

  it('R32: creating forums (no token needed) has a budget per address', async () => {
    await createForum(server, { title: 'Deuxième forum' });
    const third = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Troisième forum' }),
    });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe(
      'too_many_requests',
    );
  });

  it('R32: an address past its upgrade budget gets 429 before any token check; others connect', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    const url = `${server.syncUrl}/${board.id}?token=${board.view.token}`;
    let refusal: Awaited<ReturnType<typeof refusedUpgradeFrom>> | null = null;
    for (let i = 0; i < 10 && refusal === null; i++) {
      try {
        const socket = await openSocket(server, board.id, board.view.token, {
          localAddress: '127.0.0.2',
        });
        socket.ws.close();
      } catch {
        refusal = await refusedUpgradeFrom(url, { localAddress: '127.0.0.2' });
      }
    }
    expect(refusal?.status).toBe(429);
    expect(refusal?.body.error.code).toBe('too_many_requests');
    expect(Number(refusal?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const others = await bystanders(server, board);
    await others.check('Une autre adresse passe');
  });

  it('R32: wrong tokens drain a budget per address, over sockets and HTTP alike', async () => {
    const board = territoryBoard(forum, 'Les Basques');
    const wrong = 'A'.repeat(43);
    const wrongUrl = `${server.syncUrl}/${board.id}?token=${wrong}`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await refusedUpgradeFrom(wrongUrl, { localAddress: '127.0.0.3' })).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    // Now even the right token is refused from that address, before any lookup.
    const rightUrl = `${server.syncUrl}/${board.id}?token=${board.edit.token}`;
    expect((await refusedUpgradeFrom(rightUrl, { localAddress: '127.0.0.3' })).status).toBe(429);
    const api = `${server.url}/api/boards/${board.id}`;
    expect(await httpGet(api, board.edit.token, '127.0.0.3')).toBe(429);
    // HTTP drains the same kind of budget from another address.
    const http = [];
    for (let i = 0; i < 4; i++) http.push(await httpGet(api, wrong, '127.0.0.4'));
    expect(http).toEqual([401, 401, 401, 429]);
    // Other addresses are unaffected.
    expect(await httpGet(api, board.edit.token, '127.0.0.1')).toBe(200);
    const others = await bystanders(server, board);
    await others.check('Les jetons valides passent');
  });

  it('R33: a page of another origin cannot open a socket; same origin, allowed origins and no Origin can', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const url = `${server.syncUrl}/${board.id}?token=${board.edit.token}`;
    const refused = await refusedUpgradeFrom(url, {
      origin: 'https://evil.example',
      localAddress: '127.0.0.5',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('origin_not_allowed');
    for (const origin of [server.url, 'https://alliance.example', undefined]) {
      const socket = await openSocket(server, board.id, board.edit.token, {
        localAddress: '127.0.0.6',
        ...(origin ? { origin } : {}),
      });
      socket.ws.close();
      await socket.closed;
    }
  });

  it('R33: a page of another origin cannot create a forum or import an archive (no token needed)', async () => {
    const forums = `${server.url}/api/forums`;
    const body = JSON.stringify({ title: 'Forum posté par un autre site' });
    // What a form or a no-cors fetch on another site sends; `null` from a sandboxed page.
    for (const origin of ['https://evil.example', 'null']) {
      const refused = await postFrom(forums, body, origin, '127.0.0.7');
      expect(refused).toEqual({
        status: 403,
        body: { error: { code: 'origin_not_allowed', message: expect.any(String) } },
      });
      const archive = await postFrom(`${forums}/import`, 'PK', origin, '127.0.0.7');
      expect(archive.body.error?.code).toBe('origin_not_allowed');
    }
    // The server's own pages and the allowed origins still create forums.
    for (const origin of [server.url, 'https://alliance.example']) {
      expect((await postFrom(forums, body, origin, '127.0.0.7')).status).toBe(201);
    }
  });

  it('R33b: a page on a name pointed at the server gets neither the page nor a socket', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const host = `rebind.evil.example:${server.port}`;
    const refused = { status: 421, code: 'host_not_allowed' };
    expect(await statusAtHost(`${server.url}/`, host)).toEqual(refused);
    const sync = `${server.url}/sync/${board.id}?token=${board.edit.token}`;
    const upgrade = {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    expect(await statusAtHost(sync, host, upgrade)).toEqual(refused);
    expect(server.output()).toContain('"event":"host_not_allowed"');
    expect(server.output()).not.toContain(board.edit.token);
    // The server's own address still opens the board.
    const socket = await openSocket(server, board.id, board.edit.token, {
      localAddress: '127.0.0.8',
    });
    socket.ws.close();
    await socket.closed;
  });
});

/** A request to `url` as a page on a rebound `host` sends it: its status and JSON error code. */
function statusAtHost(
  url: string,
  host: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; code: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      localAddress: '127.0.0.8',
      agent: false,
      headers: { Host: host, Origin: `http://${host}`, ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, code: JSON.parse(text).error?.code }),
      );
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      reject(new Error('the upgrade succeeded'));
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET on a new connection from `localAddress`: the status, or `refused` if the socket is cut. */
function statusFrom(url: string, localAddress: string): Promise<number | 'refused'> {
  return new Promise((resolve) => {
    const req = request(url, { localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve('refused'));
    req.end();
  });
}

describe('connections per address', () => {
  it('R32b: an address holds at most CARTON_MAX_CONNECTIONS_PER_IP connections; others are not affected', async () => {
    const server = await start({ CARTON_MAX_CONNECTIONS_PER_IP: '3' });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Kamouraska');
    const health = `${server.url}/healthz`;
    // Three sockets (to the forum room: no per-board cap there) fill the address's place.
    const held = [];
    for (let i = 0; i < 3; i++) {
      held.push(
        await openSocket(server, `forum:${forum.forum.id}`, board.view.token, {
          localAddress: '127.0.0.2',
        }),
      );
    }
    expect(await statusFrom(health, '127.0.0.2')).toBe('refused');
    expect(await statusFrom(health, '127.0.0.3')).toBe(200);
    expect(server.output()).toMatch(/connections_per_address_exceeded.*127\.0\.0\.2/);
    // A place freed is a place again (the count follows closes).
    held[0]!.ws.close();
    await held[0]!.closed;
    let status: number | 'refused' = 'refused';
    for (let attempt = 0; attempt < 50 && status === 'refused'; attempt++) {
      status = await statusFrom(health, '127.0.0.2');
      if (status === 'refused') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    for (const socket of held) socket.ws.close();
  });
});
