import { describe, expect, it } from 'vitest';
import type { StrokeChunk, StrokePoint } from './strokeCodec';
import { REPLAY_MAX_POINTS, StrokeReplay } from './strokeReplay';

const INTERVAL = 200;

function chunk(seq: number, points: StrokePoint[], id = 'k3f9'): StrokeChunk {
  return { id, seq, color: 'black', width: 4, points };
}

/** A straight run along y = 50 from x = a to x = b in steps of 10 (b excluded). */
function run(a: number, b: number): StrokePoint[] {
  const out: StrokePoint[] = [];
  for (let x = a; x < b; x += 10) out.push([x, 50, 0.5]);
  return out;
}

describe('StrokeReplay', () => {
  it('replays a chunk over the interval, at a steady pace along its length', () => {
    const replay = new StrokeReplay(INTERVAL);
    replay.apply(7, chunk(0, run(0, 50)), 1000); // 0, 10, 20, 30, 40: 40 long
    expect(replay.view(7, 'k3f9', 1000)).toEqual([[0, 50, 0.5]]);
    // A quarter of the way: 10 along, the second point.
    expect(replay.view(7, 'k3f9', 1050)).toEqual([
      [0, 50, 0.5],
      [10, 50, 0.5],
    ]);
    // 62.5 %: 25 along, a tip between the third and fourth points.
    expect(replay.view(7, 'k3f9', 1125)).toEqual([...run(0, 30), [25, 50, 0.5]]);
    expect(replay.replaying(1199)).toBe(true);
    expect(replay.view(7, 'k3f9', 1200)).toEqual(run(0, 50));
    expect(replay.replaying(1200)).toBe(false);
  });

  it('queues a chunk behind the one playing; plays it from its arrival when that lags an interval', () => {
    const replay = new StrokeReplay(INTERVAL);
    replay.apply(7, chunk(0, run(0, 50)), 0);
    replay.apply(7, chunk(1, run(50, 90)), 150); // starts when the first ends, at 200
    expect(replay.view(7, 'k3f9', 199)!.length).toBeLessThan(6);
    expect(replay.view(7, 'k3f9', 200)).toEqual(run(0, 50));
    // Half of the second chunk's path (from 40 to 80): 60.
    expect(replay.view(7, 'k3f9', 300)).toEqual(run(0, 70));
    // Three more in one burst: the second queues (from 610), the third would wait 398 ms, more
    // than an interval: it plays from its arrival and the ones before it show whole.
    replay.apply(7, chunk(2, run(90, 130)), 410);
    replay.apply(7, chunk(3, run(130, 170)), 411);
    expect(replay.view(7, 'k3f9', 411)!.length).toBeLessThan(11);
    replay.apply(7, chunk(4, run(170, 210)), 412);
    expect(replay.view(7, 'k3f9', 412)).toEqual(run(0, 170));
    expect(replay.view(7, 'k3f9', 612)).toEqual(run(0, 210));
  });

  it('bridges a lost chunk with a straight segment and ignores it if it comes late', () => {
    const replay = new StrokeReplay(INTERVAL);
    replay.apply(7, chunk(0, run(0, 30)), 0);
    replay.apply(7, chunk(2, [[100, 80, 0.5]]), 400); // chunk 1 was lost
    // Halfway along the bridge from (20, 50) to (100, 80).
    expect(replay.view(7, 'k3f9', 500)).toEqual([...run(0, 30), [60, 65, 0.5]]);
    replay.apply(7, chunk(1, run(30, 60)), 510);
    expect(replay.view(7, 'k3f9', 700)).toEqual([...run(0, 30), [100, 80, 0.5]]);
  });

  it('ignores a chunk seen before, starts over for a new stroke, forgets a stroke that ended', () => {
    const replay = new StrokeReplay(INTERVAL);
    replay.apply(7, chunk(0, run(0, 30)), 0);
    replay.apply(7, chunk(0, run(0, 30)), 300); // the 15 s renewal of the same state
    expect(replay.view(7, 'k3f9', 300)).toEqual(run(0, 30));
    expect(replay.replaying(300)).toBe(false);
    replay.apply(7, chunk(0, [[5, 5, 0.5]], 'zz01'), 400);
    expect(replay.view(7, 'k3f9', 400)).toBeNull();
    expect(replay.view(7, 'zz01', 400)).toEqual([[5, 5, 0.5]]);
    replay.apply(7, null, 500);
    expect(replay.view(7, 'zz01', 500)).toBeNull();
    expect(replay.size).toBe(0);
  });

  it('holds at most REPLAY_MAX_POINTS points of an untrusted peer', () => {
    const replay = new StrokeReplay(INTERVAL);
    const many = Array.from({ length: 128 }, (_, i): StrokePoint => [i, i, 0.5]);
    for (let seq = 0; seq < 100; seq++) replay.apply(7, chunk(seq, many), seq * 1000);
    expect(replay.view(7, 'k3f9', 1e6)).toHaveLength(REPLAY_MAX_POINTS);
  });

  it('hands out the same array while nothing moves (renderers memoise on identity)', () => {
    const replay = new StrokeReplay(INTERVAL);
    replay.apply(7, chunk(0, run(0, 50)), 0);
    const playing = replay.view(7, 'k3f9', 100);
    const done = replay.view(7, 'k3f9', 250);
    expect(done).not.toBe(playing);
    expect(replay.view(7, 'k3f9', 900)).toBe(done);
  });
});
