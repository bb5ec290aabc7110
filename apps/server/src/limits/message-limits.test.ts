import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Board, DELETED_BY_KEY, initBoardDoc, localOrigin } from '@carton/board';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log.ts';
import { Connection } from '../relay/connection.ts';
import { createMetrics } from '../relay/metrics.ts';
import type { WebSocketLike } from '../relay/websocket-like.ts';
import { LimitCloseCode } from './close-codes.ts';
import {
  createMessageAdmission,
  NAMED_DELETION_MAX_BYTES,
  NAMED_DELETION_SLACK,
  type MessageLimits,
} from './message-limits.ts';

const LIMITS: MessageLimits = {
  updatesPerSecond: 10,
  updateBurst: 3,
  maxUpdateBytes: 2_000,
  maxSyncBytes: 4_000,
  awarenessPerSecond: 20,
  awarenessBurst: 2,
  maxAwarenessBytes: 500,
  stateRequestsPerMinute: 6,
  stateRequestBurst: 3,
  maxBoardBytes: 5_000,
};

const socket: WebSocketLike = {
  bufferedAmount: 0,
  send: () => {},
  close: () => {},
  onMessage: () => {},
  onClose: () => {},
  onError: () => {},
};

function connection(boardId = 'kamouraska', canWrite = true): Connection {
  return new Connection(
    socket,
    { boardId, role: canWrite ? 'edit' : 'view', canWrite },
    { maxBufferedBytes: 1 << 20, metrics: createMetrics(), log: silentLogger },
  );
}

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (sub !== null) encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function noteUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getMap('board').set(`shape:${text.length}`, text);
  return update!;
}

const refusalCode = (result: unknown) =>
  typeof result === 'object' && result !== null ? (result as { code: number }).code : result;

describe('message admission', () => {
  it('R28: refuses an update past the burst with 4429, and an oversize one with 4413', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    const writer = connection();
    const small = frame(0, 2, noteUpdate('Accueil'));
    const results = Array.from({ length: 4 }, () => admit(writer, small));
    expect(results.map(refusalCode)).toEqual([true, true, true, LimitCloseCode.RATE_LIMITED]);
    const other = connection();
    const big = frame(0, 2, noteUpdate('x'.repeat(3_000)));
    expect(admit(other, big)).toMatchObject({ code: LimitCloseCode.MESSAGE_TOO_LARGE });
    expect((admit(other, big) as { reason: string }).reason).toMatch(/do not retry/);
  });

  it('R28: a sync step 2 (a device catching up on what it made offline) may be larger, to its own limit', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    // The same 3,000 bytes: refused as a live update, taken as a catch-up, whose limit is 4,000.
    const offline = noteUpdate('x'.repeat(3_000));
    expect(refusalCode(admit(connection(), frame(0, 2, offline)))).toBe(
      LimitCloseCode.MESSAGE_TOO_LARGE,
    );
    const device = connection();
    expect(admit(device, frame(0, 1, offline))).toBe(true);
    // A second sync step 2 on the same connection is no handshake: maxSyncBytes.
    const tooMuch = frame(0, 1, noteUpdate('x'.repeat(4_500)));
    expect(refusalCode(admit(device, tooMuch))).toBe(LimitCloseCode.MESSAGE_TOO_LARGE);
  });

  it('R28, R30: the catch-up answering the handshake is bounded by the board, not by maxSyncBytes', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    // A long offline stretch: 4,500 bytes, past maxSyncBytes, within the board's 5,000.
    expect(admit(connection(), frame(0, 1, noteUpdate('x'.repeat(4_500))))).toBe(true);
    // One the board could never hold: « board full », which the client does not resend.
    const beyond = frame(0, 1, noteUpdate('y'.repeat(5_500)));
    expect(refusalCode(admit(connection('la-mitis'), beyond))).toBe(LimitCloseCode.BOARD_FULL);
  });

  it('R29: awareness has its own rate and size; sync step 1 is not counted in it', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    const peer = connection();
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const cursor = (x: number, pad = '') => {
      awareness.setLocalState({ cursor: { x, pad } });
      return frame(
        1,
        null,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
      );
    };
    const step1 = frame(0, 0, Uint8Array.of(0));
    expect([admit(peer, step1), admit(peer, step1), admit(peer, step1)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([admit(peer, cursor(1)), admit(peer, cursor(2))]).toEqual([true, true]);
    // Past 20 Hz (here 20/s, burst 2): not relayed now, the connection stays…
    expect(admit(peer, cursor(3))).toBe('drop');
    // …a client leaving is never skipped…
    awareness.setLocalState(null);
    expect(
      admit(
        peer,
        frame(1, null, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])),
      ),
    ).toBe(true);
    // …and a flood past four times the budget (burst 8) is closed.
    const results = Array.from({ length: 10 }, (_, i) => admit(peer, cursor(10 + i)));
    expect(results.filter((r) => r === 'drop').length).toBeGreaterThan(0);
    expect(results.at(-1)).toMatchObject({ code: LimitCloseCode.RATE_LIMITED });
    expect(admit(connection(), cursor(4, 'p'.repeat(600)))).toMatchObject({
      code: LimitCloseCode.MESSAGE_TOO_LARGE,
    });
  });

  it('R29b: sync step 1 and query awareness past their budget go unanswered, the connection stays', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    const viewer = connection('kamouraska', false);
    // A made-up state vector (client 424242 at clock 1): answering it encodes the whole board.
    const stateVector = encoding.createEncoder();
    for (const n of [1, 424242, 1]) encoding.writeVarUint(stateVector, n);
    const step1 = frame(0, 0, encoding.toUint8Array(stateVector));
    const query = Uint8Array.of(3);
    const results = [step1, query, step1, step1, query, step1].map((f) => admit(viewer, f));
    // Burst 3: the rest are dropped, never a close (a stock client's resync is not hostile).
    expect(results).toEqual([true, true, true, 'drop', 'drop', 'drop']);
    // Each connection has its own budget; updates and awareness keep theirs.
    expect(admit(connection(), step1)).toBe(true);
    expect(admit(viewer, frame(0, 2, noteUpdate('Accueil')))).toBe(true);
  });

  it('R29: echoes of states the board has already seen (the stock client sends them) are free', () => {
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    const mover = connection();
    const echoing = connection();
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    for (let i = 0; i < 2; i++) {
      awareness.setLocalStateField('cursor', { x: i });
      const update = frame(
        1,
        null,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
      );
      expect(admit(mover, update)).toBe(true);
      // Every other client sends it back: same clock, no new presence.
      for (let echo = 0; echo < 10; echo++) expect(admit(echoing, update)).toBe(true);
    }
  });

  it('R30: a full board takes a deletion naming its author only small, one entry, within its slack', () => {
    // Large enough updates that only the rules under test refuse them.
    const limits = { ...LIMITS, maxUpdateBytes: 64 * 1024, updateBurst: 50 };
    let stored = limits.maxBoardBytes;
    const admit = createMessageAdmission(limits, () => stored, silentLogger);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 6; i++) doc.getMap('board').set(`shape:${i}`, 'x');
    });
    const named = (id: string, entries: Array<{ ids: string[]; by: string }>) => {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      doc.transact(() => {
        doc.getMap('board').delete(id);
        entries.forEach((entry, i) => doc.getMap(DELETED_BY_KEY).set(`deletion:${id}:${i}`, entry));
      });
      return frame(0, 2, update!);
    };
    const pierre = { ids: ['shape:0'], by: 'Pierre' };
    // Full to its last byte: a small named deletion passes (as M36's own test shows)…
    expect(admit(connection('matane'), named('shape:0', [pierre]))).toBe(true);
    // …but not a large entry (a name is cut to 100 characters; this would fill the disk).
    const huge = { ids: ['shape:1'], by: 'x'.repeat(NAMED_DELETION_MAX_BYTES) };
    expect(admit(connection('matane'), named('shape:1', [huge]))).toMatchObject({
      code: LimitCloseCode.BOARD_FULL,
    });
    // …nor several entries at once: each would add its bytes.
    expect(admit(connection('matane'), named('shape:2', [pierre, pierre]))).toMatchObject({
      code: LimitCloseCode.BOARD_FULL,
    });
    // Past the slack, deletions still pass, but only those that name nobody.
    stored = limits.maxBoardBytes + NAMED_DELETION_SLACK;
    expect(admit(connection('mitis'), named('shape:3', [pierre]))).toMatchObject({
      code: LimitCloseCode.BOARD_FULL,
    });
    expect(admit(connection('mitis'), named('shape:4', []))).toBe(true);
  });

  it('R30: refuses updates that would grow a full board, but lets deletions through, named or not', () => {
    let stored = 4_000;
    const admit = createMessageAdmission(LIMITS, () => stored, silentLogger);
    const doc = new Y.Doc();
    const adding = frame(0, 2, noteUpdate('y'.repeat(1_200), doc));
    expect(admit(connection(), adding)).toMatchObject({ code: LimitCloseCode.BOARD_FULL });
    let deletion: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (deletion = u));
    doc.getMap('board').delete('shape:1200');
    expect(admit(connection(), frame(0, 2, deletion!))).toBe(true);
    // A deletion naming its author (M36) frees the board as well: let through, on a board full to
    // its last byte (another board: each board's size is read once, then followed).
    stored = LIMITS.maxBoardBytes;
    const full = () => connection('rimouski-neigette');
    const board = new Y.Doc();
    initBoardDoc(board, { title: 'Kamouraska', kind: 'territory' });
    const model = new Board(board);
    const me = localOrigin('user:pierre');
    const [note, other] = model.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 300, y: 0 })],
      me,
    );
    const named = (ids: string[]) => {
      let update: Uint8Array | null = null;
      board.once('update', (u: Uint8Array) => (update = u));
      model.run((tx) => tx.delete(ids, 'Pierre Gagnon'), me);
      return frame(0, 2, update!);
    };
    expect(admit(full(), named([note!]))).toBe(true);
    // The next one also removes the entry before it.
    expect(admit(full(), named([other!]))).toBe(true);
    // But not an entry alone (it deletes nothing), nor one beside anything else.
    const alone = new Y.Doc();
    let lone: Uint8Array | null = null;
    alone.once('update', (u: Uint8Array) => (lone = u));
    alone.getMap(DELETED_BY_KEY).set('deletion:x', { ids: ['shape:x'], by: 'Pierre' });
    expect(admit(full(), frame(0, 2, lone!))).toMatchObject({
      code: LimitCloseCode.BOARD_FULL,
    });
    let mixed: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (mixed = u));
    doc.transact(() => {
      doc.getMap('board').delete('shape:1');
      doc.getMap('board').set('shape:2', 'y'.repeat(300));
      doc.getMap(DELETED_BY_KEY).set('deletion:y', { ids: ['shape:1'], by: 'Pierre' });
    });
    expect(admit(full(), frame(0, 2, mixed!))).toMatchObject({
      code: LimitCloseCode.BOARD_FULL,
    });
    stored = 4_000;
    // A view connection's updates are dropped by the room: they do not count.
    expect(admit(connection('kamouraska', false), adding)).toBe(true);
    // Another board has its own size.
    stored = 0;
    expect(admit(connection('la-mitis'), adding)).toBe(true);
  });

  describe('R29: the newest frame past the budget is sent once the budget allows (fake clock)', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A client moving its cursor: `frameAt(x)` is its presence with x; `delivered` the late x's. */
    function mover() {
      const awareness = new awarenessProtocol.Awareness(new Y.Doc());
      const delivered: number[] = [];
      const deliver = (data: Uint8Array) => {
        const decoder = decoding.createDecoder(data);
        decoding.readVarUint(decoder); // message 1
        const reader = new awarenessProtocol.Awareness(new Y.Doc());
        awarenessProtocol.applyAwarenessUpdate(
          reader,
          decoding.readVarUint8Array(decoder),
          'relay',
        );
        delivered.push((reader.getStates().get(awareness.clientID) as { x: number }).x);
        reader.destroy();
      };
      const frameAt = (x: number) => {
        awareness.setLocalState({ x });
        return frame(
          1,
          null,
          awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
        );
      };
      return { delivered, deliver, frameAt, destroy: () => awareness.destroy() };
    }

    it('a burst past the budget, then silence: its last state goes when a token is back', () => {
      const { delivered, deliver, frameAt, destroy } = mover();
      const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
      const peer = connection();
      // 20/s, burst 2: the first two pass, the next three wait (each replacing the last).
      const results = [1, 2, 3, 4, 5].map((x) => admit(peer, frameAt(x), deliver));
      expect(results).toEqual([true, true, 'drop', 'drop', 'drop']);
      vi.advanceTimersByTime(49);
      expect(delivered).toEqual([]);
      vi.advanceTimersByTime(1); // one token: 50 ms at 20/s
      expect(delivered).toEqual([5]);
      // Sent once: nothing more is held.
      vi.advanceTimersByTime(1_000);
      expect(delivered).toEqual([5]);
      destroy();
    });

    it('a frame admitted before the kept one went makes it stale: it is never sent', () => {
      const { delivered, deliver, frameAt, destroy } = mover();
      const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
      const peer = connection();
      const results: unknown[] = [];
      const at = (ms: number, x: number) =>
        setTimeout(() => results.push(admit(peer, frameAt(x), deliver)), ms);
      // A burst: 4 is kept and goes at 50 ms with the token back…
      results.push(...[1, 2, 3, 4].map((x) => admit(peer, frameAt(x), deliver)));
      // …5 is kept at 60 ms until the next token (100 ms), but 6 reaches the server as that
      // token comes back, before the kept frame goes: 6 passes, 5 is never sent.
      at(60, 5);
      at(100, 6);
      vi.advanceTimersByTime(1_000);
      expect(results).toEqual([true, true, 'drop', 'drop', 'drop', true]);
      expect(delivered).toEqual([4]);
      destroy();
    });

    it('counts frames held, replaced by a newer one and delivered late, for GET /metrics', () => {
      const { deliver, frameAt, destroy } = mover();
      const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
      const peer = connection();
      expect(admit.presence).toEqual({
        presenceHeld: 0,
        presenceHeldReplaced: 0,
        presenceDeliveredLate: 0,
      });
      // 1 and 2 pass; 3 is held, 4 and 5 each replace the one held before them.
      for (const x of [1, 2, 3, 4, 5]) admit(peer, frameAt(x), deliver);
      expect(admit.presence).toEqual({
        presenceHeld: 3,
        presenceHeldReplaced: 2,
        presenceDeliveredLate: 0,
      });
      vi.advanceTimersByTime(50);
      expect(admit.presence.presenceDeliveredLate).toBe(1);
      // 6 is held at 60 ms until the next token (100 ms), but 7 is admitted as that token comes
      // back: 6 was held, neither replaced nor delivered.
      setTimeout(() => admit(peer, frameAt(6), deliver), 10);
      setTimeout(() => admit(peer, frameAt(7), deliver), 50);
      vi.advanceTimersByTime(1_000);
      expect(admit.presence).toEqual({
        presenceHeld: 4,
        presenceHeldReplaced: 2,
        presenceDeliveredLate: 1,
      });
      destroy();
    });

    it('a close discards the kept frame and its timer; another connection keeps its own', () => {
      const closing = mover();
      const staying = mover();
      const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
      const [peer, other] = [connection(), connection()];
      for (const x of [1, 2, 3]) {
        admit(peer, closing.frameAt(x), closing.deliver);
        admit(other, staying.frameAt(x), staying.deliver);
      }
      expect(vi.getTimerCount()).toBe(2);
      admit.forget?.(peer);
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(1_000);
      expect(closing.delivered).toEqual([]);
      expect(staying.delivered).toEqual([3]);
      closing.destroy();
      staying.destroy();
    });
  });
});

describe('awareness clocks of clients that left are forgotten', () => {
  afterEach(() => vi.useRealTimers());

  it('a board open all day remembers the clocks of the clients still there, not of every phone that came and went', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const admit = createMessageAdmission(LIMITS, () => 0, silentLogger);
    const presenceOf = (awareness: awarenessProtocol.Awareness) =>
      frame(1, null, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    // The projector stays all day, renewing its state every 15 s as the stock client does.
    const projector = new awarenessProtocol.Awareness(new Y.Doc());
    const projectorConnection = connection('pleniere');
    projector.setLocalState({ user: { name: 'Projecteur' } });
    for (let minute = 0; minute < 10; minute++) {
      // Phones lock and tabs reload: each comes back with a new client id.
      for (let i = 0; i < 50; i++) {
        const phone = new awarenessProtocol.Awareness(new Y.Doc());
        phone.setLocalState({ cursor: { x: i, y: minute } });
        expect(admit(connection('pleniere'), presenceOf(phone))).toBe(true);
        phone.destroy();
      }
      for (let renewal = 0; renewal < 4; renewal++) {
        projector.setLocalState(projector.getLocalState());
        expect(admit(projectorConnection, presenceOf(projector))).toBe(true);
        vi.advanceTimersByTime(15_000);
      }
    }
    // 500 phones came and went; only those of the last two minutes or so are remembered.
    expect(admit.awarenessClocks()).toBeLessThanOrEqual(1 + 3 * 50);
    projector.destroy();
  });
});
