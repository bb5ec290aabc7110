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
  'outline.count.image_one',
  'outline.count.image_many',
  'outline.count.image_other',
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
  'home.importArchive.leftOutKinds.votes_one',
  'home.importArchive.leftOutKinds.votes_many',
  'home.importArchive.leftOutKinds.votes_other',
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

  it('uses English punctuation: no French spaces, guillemets or straight quotes', () => {
    // A French sentence pasted and half translated keeps « », a space before : ; ? ! or its
    // no-break spaces; the straight ' and " break the catalogue's typographic ’ and “ ”.
    const wrong = Object.entries(english).filter(
      ([key, text]) =>
        key !== 'language.toggle' && /[\u00a0\u202f«»'"]|[ ][:;?!](?=\s|$)/u.test(text),
    );
    expect(wrong).toEqual([]);
  });

  it('says the forum’s words as the glossary does (README.md)', () => {
    // French words and spellings that slipped into the English before: papillon is a
    // "sticky note", incontournables are "must-haves", animation is the "facilitator".
    const glossary: [RegExp, string][] = [
      [/papillon/iu, 'sticky note'],
      [/incontournable/iu, 'must-haves'],
      [/\banimat/iu, 'facilitator'],
      [/\bwifi\b/iu, 'Wi-Fi'],
      [/view-only link/iu, 'view link'],
    ];
    const wrong = Object.entries(english).flatMap(([key, text]) =>
      glossary.filter(([word]) => word.test(text)).map(([, say]) => `${key}: say ${say}`),
    );
    expect(wrong).toEqual([]);
  });

  it('speaks of a link, never of its token, in either language (README.md)', () => {
    // A cut board link said « Il manque le jeton d’accès dans le lien »: words for developers,
    // not for a participant holding a phone. Only the literal « #token= » may be named.
    const jargon = [
      ...Object.entries(fr).filter(([, text]) => /jeton/iu.test(text)),
      ...Object.entries(english).filter(([, text]) => /token/iu.test(text.replace('#token=', ''))),
    ];
    expect(jargon).toEqual([]);
  });

  it('says a shape’s order with one word on a phone and a laptop (README.md)', () => {
    // The selection's panel said « Devant » on a phone and « Premier plan » on a laptop: the
    // room's phones and the facilitator's laptop named the same button differently.
    for (const words of [fr, english]) {
      expect(words['actions.front']).toBe(words['actions.frontShort']);
      expect(words['actions.back']).toBe(words['actions.backShort']);
    }
    const old = Object.entries(fr).filter(([, text]) => /premier plan|arrière-plan/iu.test(text));
    const oldEn = Object.entries(english).filter(([, text]) =>
      /bring to front|send to back/iu.test(text),
    );
    expect([...old, ...oldEn]).toEqual([]);
  });

  it('pairs every plural and counts nouns only in plural keys', () => {
    const keys = new Set(Object.keys(english));
    const unpaired = [...keys].filter((key) => {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (!plural) return false;
      return !keys.has(`${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`);
    });
    expect(unpaired).toEqual([]);
    // « {{count}} items » in a key without _one/_other reads "1 items" when the count is 1.
    const ALWAYS_MANY = new Set(['a11y.many']); // said only for two shapes or more
    const unpluralised = Object.entries(english).filter(
      ([key, text]) =>
        /\{\{count\}\} \p{L}+s\b/u.test(text) &&
        !/_(other|many)$/.test(key) &&
        !ALWAYS_MANY.has(key),
    );
    expect(unpluralised).toEqual([]);
  });

  it('keeps the same placeholders as the French', () => {
    const differ = Object.keys(fr).filter(
      (key) =>
        key in english && placeholders(fr[key]!).join() !== placeholders(english[key]!).join(),
    );
    expect(differ).toEqual([]);
  });
});

describe('the French catalogue', () => {
  it('gives every counted string its _one, _many and _other (README.md)', () => {
    // French has a third plural, `many` (a million, two million…), the key i18next looks up for
    // such a count. Without _many it borrows _other today, silently: the catalogue writes all
    // three, so the French for it is chosen, not left to a library's fallback.
    expect(new Intl.PluralRules('fr-CA').select(1_000_000)).toBe('many');
    const keys = new Set(Object.keys(fr));
    const missing = [...keys].flatMap((key) => {
      const plural = /^(.*)_(one|many|other)$/.exec(key);
      if (!plural) return [];
      return ['one', 'many', 'other']
        .map((form) => `${plural[1]}_${form}`)
        .filter((wanted) => !keys.has(wanted));
    });
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('components', () => {
  // Every component's source, to find words written in it instead of the catalogues: they stay
  // French (or English) whatever the page's language — a label, a tooltip, an alt text.
  const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('are read', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
  });

  it('take their labels, tooltips, alt texts, placeholders and words from the catalogues', () => {
    const attribute =
      /\b(?:aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt|placeholder)=(?:"([^"]*\p{L}{2}[^"]*)"|\{\s*['`]([^'`]*\p{L}{2}[^'`]*)['`]\s*\})/gu;
    const text = /<([a-zA-Z][\w.]*)(?:\s[^<>]*)?>([^<>{}]*\p{L}{2}[^<>{}]*)<\/\1>/gu;
    const inline = Object.entries(sources).flatMap(([file, source]) =>
      [...source.matchAll(attribute), ...source.matchAll(text)].map(
        (match) => `${file}: ${match[0]}`,
      ),
    );
    expect(inline).toEqual([]);
  });
});
