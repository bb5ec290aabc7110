import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_MAX_CHARS,
  CHUNK_MAX_POINTS,
  decodePoints,
  encodeChunk,
  encodePoints,
  quantise,
  readStrokeChunk,
  type StrokePoint,
} from './strokeCodec';

/** A stroke across the Kamouraska postcard: fractional world points, as the pen records them. */
function stroke(n: number, from = 0): StrokePoint[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return [160 + i * 1.234 + 20 * Math.sin(i / 5), 240 - i * 0.567, 0.5 + 0.3 * Math.sin(i / 9)];
  });
}

/** A small seeded PRNG (mulberry32): failures replay. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('encodePoints / decodePoints', () => {
  it('round-trips points to the wire grid: x, y to 0.1, pressure to 0.05', () => {
    const points = stroke(40);
    const decoded = decodePoints(encodePoints(points));
    expect(decoded).toEqual(points.map(quantise));
    expect(decoded[3]).toEqual([175, 238.3, 0.6]); // from [174.99…, 238.299, 0.598…]
  });

  it('keeps negative, large and out-of-range values (pressure clamped to 0..1)', () => {
    const points: StrokePoint[] = [
      [-12_345.67, 98_765.43, 1.7],
      [-0.04, 0.06, -3],
      [1e6, -1e6, 0.5],
    ];
    expect(decodePoints(encodePoints(points))).toEqual([
      [-12_345.7, 98_765.4, 1],
      [0, 0.1, 0],
      [1e6, -1e6, 0.5],
    ]);
  });

  it('spends about 5 characters per handwriting point (2 per coordinate, 1 for a steady pressure)', () => {
    const points = stroke(60).map(([x, y]) => [x, y, 0.5] as StrokePoint);
    const text = encodePoints(points);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/u);
    expect(text.length / points.length).toBeLessThanOrEqual(5.2);
  });

  it('reads at most CHUNK_MAX_POINTS points, and nothing of garbage, without throwing', () => {
    expect(decodePoints('A'.repeat(100_000))).toHaveLength(CHUNK_MAX_POINTS);
    expect(decodePoints(encodePoints(stroke(300)), 10)).toHaveLength(10);
    const good = encodePoints(stroke(3));
    expect(decodePoints(`${good}!${good}`)).toEqual([]); // not base64url
    expect(decodePoints('AAAAA')).toEqual([]); // 5 characters: not a whole number of bytes
    expect(decodePoints('_'.repeat(50))).toEqual([]); // a value that never ends
    expect(decodePoints('_'.repeat(48) + 'AA')).toEqual([]); // a value past 53 bits
    expect(decodePoints('é😀\u0000')).toEqual([]);
  });

  it('drops a trailing partial point', () => {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, fromBase64UrlEncoded(encodePoints(stroke(3))));
    encoding.writeVarInt(encoder, 12); // an x with no y or pressure
    const text = toBase64UrlEncoded(encoding.toUint8Array(encoder));
    expect(decodePoints(text)).toEqual(stroke(3).map(quantise));
  });
});

describe('readStrokeChunk', () => {
  const chunk = { id: 'k3f9', seq: 41, color: 'black', width: 4 };

  it('reads what encodeChunk writes', () => {
    const points = stroke(12);
    const text = encodeChunk(chunk, encodePoints(points));
    expect(text.startsWith('k3f9 15 black 4 ')).toBe(true);
    expect(readStrokeChunk(text)).toEqual({ ...chunk, points: points.map(quantise) });
  });

  it('drops what an untrusted peer could send wrong', () => {
    const points = encodePoints(stroke(4));
    for (const value of [
      undefined,
      null,
      42,
      ['k3f9', 1, 'black', 4, points],
      { id: 'k3f9', points },
      '',
      'k3f9 1 black 4',
      `k3f9 1 black 4 ${points} extra`,
      `K3F9! 1 black 4 ${points}`,
      `k3f9 -1 black 4 ${points}`,
      `k3f9 zzzzzzz black 4 ${points}`,
      `k3f9 1 red;background:url(x) 4 ${points}`,
      `k3f9 1 black NaN ${points}`,
      `k3f9 1 black -4 ${points}`,
      `k3f9 1 black  ${points}`,
      'k3f9 1 black 4 !!!!',
      `k3f9 1 black 4 ${'A'.repeat(CHUNK_MAX_CHARS)}`,
    ]) {
      expect(readStrokeChunk(value)).toBeNull();
    }
    expect(readStrokeChunk(`k3f9 1 #2e86ab 1e9 ${points}`)?.width).toBe(200);
  });

  it('never throws on random strings, and what it returns is bounded and finite', () => {
    const random = prng(20231104);
    const alphabet = 'Ak3f9 _-!#é0z.';
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(random() * 300);
      let text = random() < 0.5 ? 'k3f9 1 black 4 ' : '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const read = readStrokeChunk(text);
      if (!read) continue;
      expect(read.points.length).toBeLessThanOrEqual(CHUNK_MAX_POINTS);
      for (const [x, y, p] of read.points) {
        expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        expect(p >= 0 && p <= 1).toBe(true);
      }
    }
  });
});
