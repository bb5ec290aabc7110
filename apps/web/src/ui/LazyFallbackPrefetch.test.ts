import { describe, expect, it } from 'vitest';
import {
  prefetchesEveryPage,
  prefetchesExport,
  prefetchesHistory,
  whenIdleAfterFirstFrame,
  type IdleScheduler,
} from './LazyFallbackPrefetch';

describe('which pages fetch « Exporter », « Versions », « Contenu » and « Aide » ahead', () => {
  const page = (role: string, boardKind: string, saveData = false) => ({
    role,
    boardKind,
    saveData,
  });

  it('a facilitator’s board and the plenary do; a participant’s territory board does not', () => {
    expect(prefetchesExport(page('facilitator', 'territory'))).toBe(true);
    expect(prefetchesExport(page('view', 'plenary'))).toBe(true);
    expect(prefetchesExport(page('edit', 'plenary'))).toBe(true);
    expect(prefetchesExport(page('edit', 'territory'))).toBe(false);
    expect(prefetchesExport(page('view', 'postcards'))).toBe(false);
    // « Versions » is shown to facilitators only.
    expect(prefetchesHistory(page('facilitator', 'territory'))).toBe(true);
    expect(prefetchesHistory(page('edit', 'plenary'))).toBe(false);
    // « Contenu » and « Aide » are on every board page, a view link's too.
    expect(prefetchesEveryPage(page('view', 'territory'))).toBe(true);
    expect(prefetchesEveryPage(page('edit', 'postcards'))).toBe(true);
  });

  it('never when the browser is asked to save data', () => {
    expect(prefetchesExport(page('facilitator', 'plenary', true))).toBe(false);
    expect(prefetchesHistory(page('facilitator', 'territory', true))).toBe(false);
    expect(prefetchesEveryPage(page('edit', 'territory', true))).toBe(false);
  });
});

/** A scheduler run by hand: each step waits until the test lets the frame or idle time come. */
function manualScheduler() {
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const queue = (list: (() => void)[]) => (run: () => void) => {
    list.push(run);
    return () => list.splice(list.indexOf(run) >>> 0, 1);
  };
  const scheduler: IdleScheduler = { frame: queue(frames), idle: queue(idles) };
  const next = (list: (() => void)[]) => list.shift()?.();
  return { scheduler, frame: () => next(frames), idle: () => next(idles), frames, idles };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('when the chunk is fetched', () => {
  it('after the board’s content is known, two frames, then the browser’s idle time', async () => {
    const s = manualScheduler();
    let ready!: () => void;
    let ran = 0;
    whenIdleAfterFirstFrame(new Promise<void>((r) => (ready = r)), () => ran++, s.scheduler);
    await tick();
    expect(s.frames.length).toBe(0);
    ready();
    await tick();
    s.frame();
    expect(s.idles.length).toBe(0);
    s.frame();
    expect(ran).toBe(0);
    expect(s.idles.length).toBe(1);
    s.idle();
    expect(ran).toBe(1);
  });

  it('not at all once the board page is left, at whichever step', async () => {
    for (const steps of [0, 1, 2]) {
      const s = manualScheduler();
      let ran = 0;
      const cancel = whenIdleAfterFirstFrame(Promise.resolve(), () => ran++, s.scheduler);
      await tick();
      for (let i = 0; i < steps; i++) s.frame();
      cancel();
      s.frame();
      s.frame();
      s.idle();
      expect(ran).toBe(0);
    }
  });
});
