import { describe, expect, it } from 'vitest';
import { refreshWhenBack, type PageEvents } from './refreshWhenBack';

class Events implements PageEvents {
  listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

function page() {
  const win = new Events();
  const doc = Object.assign(new Events(), { visibilityState: 'visible' });
  let clock = 0;
  const timers: Array<() => void> = [];
  let reads = 0;
  const stop = refreshWhenBack({
    window: win,
    document: doc,
    reload: () => (reads += 1),
    everyMs: 30_000,
    now: () => clock,
    setInterval: (run) => timers.push(run),
    clearInterval: () => timers.splice(0),
  });
  return {
    win,
    doc,
    reads: () => reads,
    wait: (ms: number) => (clock += ms),
    tick: () => timers.forEach((run) => run()),
    stop,
  };
}

describe('refreshWhenBack', () => {
  it('reads the board list again when the facilitator comes back to the page', () => {
    const p = page();
    p.wait(60_000);
    p.win.fire('focus');
    expect(p.reads()).toBe(1);
  });

  it('reads again on a return just after the page opened: a board added since its first read shows', () => {
    const p = page();
    p.wait(100);
    p.win.fire('focus');
    expect(p.reads()).toBe(1);
  });

  it('reads once for the focus and the visibility change of one return', () => {
    const p = page();
    p.wait(60_000);
    p.doc.fire('visibilitychange');
    p.win.fire('focus');
    expect(p.reads()).toBe(1);
  });

  it('reads now and then while the page stays in view, never while it is hidden', () => {
    const p = page();
    p.wait(30_000);
    p.tick();
    expect(p.reads()).toBe(1);
    p.doc.visibilityState = 'hidden';
    p.wait(30_000);
    p.tick();
    p.doc.fire('visibilitychange');
    expect(p.reads()).toBe(1);
  });

  it('stops listening when the page closes', () => {
    const p = page();
    p.stop();
    p.wait(60_000);
    p.win.fire('focus');
    p.tick();
    expect(p.reads()).toBe(0);
  });
});
