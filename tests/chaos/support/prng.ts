// A small seeded PRNG (mulberry32), so a failing chaos or fuzz run can be replayed from the
// seed it printed: `CHAOS_SEED=1234 pnpm exec vitest run --project chaos`.
export interface Random {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  bytes(length: number): Uint8Array;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => next() < probability,
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
  };
}

/** The seed from `name` (e.g. CHAOS_SEED) if set, else a fresh one; printed either way. */
export function seedFrom(name: string): number {
  const given = process.env[name];
  const seed = given ? Number(given) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  console.log(`${name}=${seed}`);
  return seed;
}

/** A positive integer from the environment, else the default (CI values stay small). */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
