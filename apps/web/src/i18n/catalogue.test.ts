// What the key check in typography.test does not see: an English value left in French, and a
// translation that drops or renames a {{placeholder}} (the number of changes kept offline,
// a board's name) — both only show up on screen, in the other language.
import { describe, expect, it } from 'vitest';
import frCA from './fr-CA.json';
import en from './en.json';
import { flattenCatalogue } from './catalogue';

const fr = flattenCatalogue(frCA);
const english = flattenCatalogue(en);

/** Words spelled the same in both languages (checked by hand), and keyboard shortcuts. */
const SAME_IN_BOTH = new Set([
  'app.name',
  'tools.carton',
  'tools.rect',
  'tools.ellipse',
  'tools.image',
  'a11y.kind.carton',
  'a11y.kind.rect',
  'a11y.kind.ellipse',
  'a11y.kind.image',
  'colors.orange',
  'export.format',
  'export.carton',
  'export.backgrounds.transparent',
  'export.orientation',
  'export.pageSizes.a3',
  'export.pageSizes.a1',
  'export.orientations.portrait',
  'limits.code',
  'history.open',
  'forum.timer.minutes',
  'forum.timer.pause',
  'forum.timer.addMinute',
  'forum.votes.voteTitle',
  'projector.position',
]);

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the English catalogue', () => {
  it('translates every string that is not the same word in both languages', () => {
    const untranslated = Object.keys(english).filter(
      (key) =>
        english[key] === fr[key] &&
        !SAME_IN_BOTH.has(key) &&
        !key.startsWith('shortcuts.') &&
        /\p{L}{2}/u.test(english[key]!),
    );
    expect(untranslated).toEqual([]);
  });

  it('has no French left in it', () => {
    const french = Object.entries(english).filter(
      ([key, text]) => key !== 'language.toggle' && /[«»àâçéèêëîïôûùœ]/iu.test(text),
    );
    expect(french).toEqual([]);
  });

  it('keeps the same placeholders as the French', () => {
    const differ = Object.keys(fr).filter(
      (key) =>
        key in english && placeholders(fr[key]!).join() !== placeholders(english[key]!).join(),
    );
    expect(differ).toEqual([]);
  });
});
