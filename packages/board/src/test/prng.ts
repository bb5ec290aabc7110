/** mulberry32: a tiny seeded PRNG, enough to make randomized tests replayable. */
export interface Rng {
  readonly seed: number;
  next(): number; // [0, 1)
  int(min: number, maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A random subset (possibly empty) of up to `max` items. */
  some<T>(items: readonly T[], max: number): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxExclusive: number): number =>
    min + Math.floor(next() * (maxExclusive - min));
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length)] as T;
    },
    chance: (probability) => next() < probability,
    some: <T>(items: readonly T[], max: number): T[] => {
      const count = Math.min(items.length, int(0, max + 1));
      const pool = [...items];
      const out: T[] = [];
      for (let i = 0; i < count; i++) out.push(pool.splice(int(0, pool.length), 1)[0] as T);
      return out;
    },
  };
}

/** Seeded ids in the real format, so replays sort identically. */
export function seededIds(rng: Rng, peer: number): () => string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return () => {
    let id = `shape:p${peer}`;
    for (let i = 0; i < 22; i++) id += alphabet[rng.int(0, 64)];
    return id;
  };
}
