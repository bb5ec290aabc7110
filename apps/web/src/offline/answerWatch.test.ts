import { describe, expect, it } from 'vitest';
import { AnswerWatch, type Timers, type WatchedSocket } from './answerWatch';

/** A manual clock: timers fire only when the test moves time forward. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(run, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
  };
}

function socket(readyState = 1): WatchedSocket & { readyState: number; bufferedAmount: number } {
  return { readyState, bufferedAmount: 0 };
}

/** A sync step 2 (the relay's answer to a sync step 1), and a presence frame. */
const ANSWER = new Uint8Array([0, 1, 0]);
const PRESENCE = new Uint8Array([1, 3, 1, 2, 3]);

function setup() {
  const timers = manualTimers();
  const dropped: WatchedSocket[] = [];
  const watch = new AnswerWatch((s) => dropped.push(s), timers, 8000, 10_000);
  return { timers, dropped, watch };
}

describe('AnswerWatch', () => {
  it('drops an open socket whose server does not answer a query in time', () => {
    const { timers, dropped, watch } = setup();
    const ws = socket();
    watch.expectAnswer(ws);
    timers.advance(7999);
    expect(dropped).toEqual([]);
    timers.advance(1);
    expect(dropped).toEqual([ws]);
  });

  it('keeps a socket whose server answers, and times from the first unanswered query', () => {
    const { timers, dropped, watch } = setup();
    const ws = socket();
    watch.expectAnswer(ws);
    timers.advance(5000);
    watch.heard(ANSWER);
    watch.expectAnswer(ws);
    timers.advance(5000);
    watch.expectAnswer(ws); // a retry does not push the deadline back
    timers.advance(3000);
    expect(dropped).toEqual([ws]);
  });

  it('does not take others’ presence for an answer (the way up died, the way down lives)', () => {
    const { timers, dropped, watch } = setup();
    const ws = socket();
    watch.expectAnswer(ws);
    for (let i = 0; i < 7; i++) {
      timers.advance(1000);
      watch.heard(PRESENCE);
    }
    timers.advance(1000);
    expect(dropped).toEqual([ws]);
  });

  it('waits longer while the socket is still uploading', () => {
    const { timers, dropped, watch } = setup();
    const ws = socket();
    ws.bufferedAmount = 50_000;
    watch.expectAnswer(ws);
    timers.advance(20_000);
    expect(dropped).toEqual([]);
    ws.bufferedAmount = 0;
    timers.advance(8000);
    expect(dropped).toEqual([ws]);
  });

  it('doubles the wait after a drop until a query is answered in time', () => {
    const { timers, dropped, watch } = setup();
    const first = socket();
    watch.expectAnswer(first);
    timers.advance(8000);
    expect(dropped).toEqual([first]);
    // The reconnection's own sync is heard, but it answers no query of ours.
    watch.heard(ANSWER);
    const second = socket();
    watch.expectAnswer(second);
    timers.advance(8000);
    expect(dropped).toEqual([first]);
    watch.heard(ANSWER); // answered within 16 s: the link is slow, not dead
    watch.expectAnswer(second);
    timers.advance(8000);
    expect(dropped).toEqual([first, second]);
  });

  it('ignores a socket that is not open, and forgets a closed one', () => {
    const { timers, dropped, watch } = setup();
    watch.expectAnswer(socket(0));
    const ws = socket();
    watch.expectAnswer(ws);
    watch.closed();
    timers.advance(60_000);
    expect(dropped).toEqual([]);
  });

  it('abandons an attempt still connecting after the connect timeout', () => {
    const { timers, dropped, watch } = setup();
    const hanging = socket(0);
    watch.connecting(hanging);
    timers.advance(9999);
    expect(dropped).toEqual([]);
    timers.advance(1);
    expect(dropped).toEqual([hanging]);

    // The next attempt gets twice as long (a slow handshake on a crowded network, not a dead one).
    const slow = socket(0);
    watch.connecting(slow);
    timers.advance(19_999);
    expect(dropped).toEqual([hanging]);
    slow.readyState = 1;
    watch.opened();
    timers.advance(60_000);
    expect(dropped).toEqual([hanging]);

    // Once one opened, the wait is back to the start.
    const next = socket(0);
    watch.connecting(next);
    timers.advance(10_000);
    expect(dropped).toEqual([hanging, next]);
  });
});
