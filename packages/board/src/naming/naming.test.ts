import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, localDay, slugify } from './naming.ts';

describe('file-name stems (slugify)', () => {
  it('writes a French title without accents, lowercase, with dashes', () => {
    expect(slugify('Conditions de succès — Témiscouata', 'tableau')).toBe(
      'conditions-de-succes-temiscouata',
    );
    expect(slugify('Conditions de succès — Rivière-du-Loup', 'tableau')).toBe(
      'conditions-de-succes-riviere-du-loup',
    );
    expect(slugify('Conditions de succès — Kamouraska', 'tableau')).toBe(
      'conditions-de-succes-kamouraska',
    );
    expect(slugify('Mes conditions de succès pour la prochaine Alliance', 'carton')).toBe(
      'mes-conditions-de-succes-pour-la-prochaine-alliance',
    );
    expect(slugify('Îles-de-la-Madeleine ÉÀÇ', 'tableau')).toBe('iles-de-la-madeleine-eac');
  });

  // The server's rule dropped them (« uvrer-ensemble », « c-ur »); the web client's kept them.
  it('writes œ and æ as oe and ae', () => {
    expect(slugify('Œuvrer ensemble', 'tableau')).toBe('oeuvrer-ensemble');
    expect(slugify('Cœur du Bas-Saint-Laurent, Matane', 'tableau')).toBe(
      'coeur-du-bas-saint-laurent-matane',
    );
    expect(slugify("Avoir de l'aide en main d'œuvre", 'carton')).toBe(
      'avoir-de-l-aide-en-main-d-oeuvre',
    );
    expect(slugify('ÆSTHÉTIQUE', 'tableau')).toBe('aesthetique');
  });

  // NFKD leaves them whole, and the ASCII filter dropped them (« stra-e », « odz », « rsted »).
  it('spells the letters Unicode does not decompose in ASCII (ß, ø, ł, đ, þ…)', () => {
    expect(slugify('Straße', 'tableau')).toBe('strasse');
    expect(slugify('STRAẞE', 'tableau')).toBe('strasse');
    expect(slugify('Łódź', 'tableau')).toBe('lodz');
    expect(slugify('Ørsted — Ærø', 'tableau')).toBe('orsted-aero');
    expect(slugify('Đakovo', 'tableau')).toBe('dakovo');
    expect(slugify('Þingvellir, Reykjavíkurborg, Hafnarfjörður', 'tableau')).toBe(
      'thingvellir-reykjavikurborg-hafnarfjordur',
    );
    expect(slugify('Kraków — Gdańsk — Wrocław', 'tableau')).toBe('krakow-gdansk-wroclaw');
    expect(slugify('Diyarbakır', 'tableau')).toBe('diyarbakir');
    // The forum's own names are unchanged: accents keep their letter.
    expect(slugify('Cœur de Rivière-du-Loup', 'tableau')).toBe('coeur-de-riviere-du-loup');
  });

  it('turns apostrophes, « », NBSP, NNBSP, em dashes and emoji into single dashes', () => {
    expect(slugify('L’Isle-Verte', 'tableau')).toBe('l-isle-verte');
    expect(slugify("L'Isle-Verte", 'tableau')).toBe('l-isle-verte');
    expect(slugify('« Les incontournables » : Rimouski-Neigette', 'tableau')).toBe(
      'les-incontournables-rimouski-neigette',
    );
    // French typography: NBSP inside « », NNBSP before « : ».
    expect(slugify('«\u00a0Les incontournables\u00a0»\u202f: Rivière-du-Loup', 'tableau')).toBe(
      'les-incontournables-riviere-du-loup',
    );
    expect(slugify('Œuvrer ensemble 🤝 — Rivière-du-Loup', 'tableau')).toBe(
      'oeuvrer-ensemble-riviere-du-loup',
    );
    // A keycap's marks (U+FE0F, U+20E3) go with the other marks: « 1 », not « 1- ».
    expect(slugify('Étape 1️⃣ : Œuvrer ensemble', 'tableau')).toBe('etape-1-oeuvrer-ensemble');
  });

  it('keeps superscript letters of French ordinals as letters', () => {
    expect(slugify('2ᵉ Forum des Alliances', 'forum')).toBe('2e-forum-des-alliances');
  });

  it('falls back when nothing is left', () => {
    expect(slugify('   ', 'tableau')).toBe('tableau');
    expect(slugify('', 'carton')).toBe('carton');
    expect(slugify('🎯 — « »', 'forum')).toBe('forum');
  });

  it('keeps names short, never ending on a dash', () => {
    expect(slugify('très long titre '.repeat(20), 'tableau').length).toBeLessThanOrEqual(
      SLUG_MAX_LENGTH,
    );
    expect(slugify('très long titre '.repeat(20), 'tableau').endsWith('-')).toBe(false);
    // The cut falls just after « riviere-du »: the dash it would end on goes (the server kept it).
    expect(
      slugify(
        'Mes conditions de succès pour la prochaine Alliance — Œuvrer ensemble, Rivière-du-Loup',
        'carton',
      ),
    ).toBe('mes-conditions-de-succes-pour-la-prochaine-alliance-oeuvrer-ensemble-riviere-du');
    expect(
      slugify(
        'Mes conditions de succès pour la prochaine Alliance — Conditions de succès — Rivière-du-Loup',
        'carton',
      ),
    ).toBe('mes-conditions-de-succes-pour-la-prochaine-alliance-conditions-de-succes-riviere');
  });
});

describe('the local calendar day (localDay)', () => {
  it('is the day here, late in the evening too (UTC is already tomorrow in Québec)', () => {
    expect(localDay(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
    expect(localDay(new Date(2026, 10, 27, 23, 30))).toBe('2026-11-27');
    expect(localDay(new Date(2023, 9, 19, 19, 30))).toBe('2023-10-19');
  });

  it('pads months and days', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
  });
});
