// The latin faces are all a French board waits for: every character of the French catalogue and
// of the seed's boards (the forum templates) must be in their range, or the first frame would be
// drawn with a fallback for it and measured again once latin-ext came.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inLatin } from './loadFonts';

const here = fileURLToPath(new URL('.', import.meta.url));
const read = (path: string) => readFileSync(join(here, path), 'utf8');

/** Characters of `text` outside the latin faces, besides those the typeface has nowhere. */
function outside(text: string): string[] {
  // Arrows and signs of the help and the templates: the TTF has none of them either (drawn with a
  // fallback, before as now).
  const nowhere = new Set([...'↳■→♥★←']);
  return [...new Set(text)].filter((char) => !inLatin(char) && !nowhere.has(char));
}

describe('the latin faces', () => {
  it('draw every character of the French catalogue', () => {
    expect(outside(read('../../i18n/fr-CA.json'))).toEqual([]);
  });

  it('draw every character of the seed’s boards', () => {
    const templates = join(here, '../../../../../packages/board/src/templates');
    const text = readdirSync(templates)
      .filter((file) => !file.endsWith('.test.ts'))
      .map((file) => readFileSync(join(templates, file), 'utf8'))
      .join('');
    expect(text.length).toBeGreaterThan(1000);
    expect(outside(text)).toEqual([]);
  });

  it('leave Polish, Romanian and the TTF’s other signs to the other faces', () => {
    expect([...'Łódź Timișoara ≥ ≠'].filter((char) => !inLatin(char))).toEqual([...'Łźș≥≠']);
  });
});
