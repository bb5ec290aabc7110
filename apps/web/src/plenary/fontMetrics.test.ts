// The metrics shipped with the code are the TTFs' own, character by character: the projector and
// the mosaic wrap text as the export and the server's PNG do (they read the TTFs). Failing after an
// upgrade of @expo-google-fonts: run shapes/common/typeface/metrics.py, which writes fontMetrics.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseFontMetrics, type FontMetrics } from '@carton/render';
import { TYPEFACE_METRICS } from './fontMetrics';

const require = createRequire(import.meta.url);
const ttf = (path: string) =>
  parseFontMetrics(
    new Uint8Array(
      readFileSync(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${path}`)),
    ),
  );

function expectSame(shipped: FontMetrics, file: FontMetrics): void {
  expect(shipped.family).toBe(file.family);
  expect([shipped.unitsPerEm, shipped.ascender, shipped.descender]).toEqual([
    file.unitsPerEm,
    file.ascender,
    file.descender,
  ]);
  const differ: number[] = [];
  for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
    if (
      shipped.has(codePoint) !== file.has(codePoint) ||
      shipped.advance(codePoint) !== file.advance(codePoint)
    ) {
      differ.push(codePoint);
    }
  }
  expect(differ).toEqual([]);
}

describe('the typeface’s shipped metrics', () => {
  it('are the regular TTF’s', () => {
    expectSame(TYPEFACE_METRICS.regular, ttf('400Regular/AtkinsonHyperlegible_400Regular.ttf'));
  });

  it('are the bold TTF’s', () => {
    expectSame(TYPEFACE_METRICS.bold, ttf('700Bold/AtkinsonHyperlegible_700Bold.ttf'));
  });
});
