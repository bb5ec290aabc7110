import { describe, expect, it } from 'vitest';
import {
  NBSP,
  NNBSP,
  frenchTypography,
  hasFrenchTypography,
  keepPunctuationAttached,
} from './typography';
import frCA from './fr-CA.json';
import en from './en.json';
import { flattenCatalogue } from './catalogue';
import { templateText } from '@carton/board';

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ?', () => {
    expect(frenchTypography('Bonjour!')).toBe(`Bonjour${NNBSP}!`);
    expect(frenchTypography('Vraiment ?')).toBe(`Vraiment${NNBSP}?`);
    expect(frenchTypography('un ; deux')).toBe(`un${NNBSP}; deux`);
  });

  it('puts a no-break space before a colon but leaves times and URLs alone', () => {
    expect(frenchTypography('Statut : connecté')).toBe(`Statut${NBSP}: connecté`);
    expect(frenchTypography('Statut: connecté')).toBe(`Statut${NBSP}: connecté`);
    expect(frenchTypography('à 12:30')).toBe('à 12:30');
    expect(frenchTypography('http://localhost/b/x')).toBe('http://localhost/b/x');
  });

  it('spaces guillemets and converts straight quotes', () => {
    expect(frenchTypography('«Conditions présentes»')).toBe(`«${NBSP}Conditions présentes${NBSP}»`);
    expect(frenchTypography('le "carton"')).toBe(`le «${NBSP}carton${NBSP}»`);
  });

  it('is idempotent', () => {
    const once = frenchTypography('« Mes conditions » : oui ! non ?');
    expect(frenchTypography(once)).toBe(once);
    expect(hasFrenchTypography(once)).toBe(true);
    expect(hasFrenchTypography('oui !')).toBe(false);
  });
});

describe('keepPunctuationAttached', () => {
  it('turns spaces before high punctuation and inside guillemets into no-break spaces', () => {
    expect(keepPunctuationAttached('« Photomaton » : oui !')).toBe(
      `«${NBSP}Photomaton${NBSP}»${NBSP}: oui${NNBSP}!`,
    );
  });
  it('adds nothing where there is no space (English stays English)', () => {
    expect(keepPunctuationAttached('Hello! Really? Yes: ok')).toBe('Hello! Really? Yes: ok');
  });
});

describe('catalogues', () => {
  const fr = flattenCatalogue(frCA);
  const english = flattenCatalogue(en);

  it('every French string follows French typography', () => {
    const wrong = Object.entries(fr).filter(([, text]) => !hasFrenchTypography(text));
    expect(wrong).toEqual([]);
  });

  it('the templates’ French text follows it too, with ’ for an apostrophe', () => {
    // The templates write the seed's words onto every forum's boards (the plenary's « Vue
    // d’ensemble »): the UI's typography, not a straight ' beside the catalogue's ’.
    const texts = Object.values(templateText).flatMap((value) =>
      typeof value === 'string' ? [value] : Object.values(value as Record<string, string>),
    );
    expect(texts.length).toBeGreaterThan(20);
    const wrong = texts.filter((text) => !hasFrenchTypography(text) || text.includes("'"));
    expect(wrong).toEqual([]);
  });

  it('French and English have the same keys', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(fr).sort());
  });
});

describe('keepPunctuationAttached on a typed forum title (forum page, « Vos forums »)', () => {
  it('keeps « » with their words and the marks with theirs in a typed title', () => {
    expect(
      keepPunctuationAttached('Forum des Alliances — « Rêvons ensemble notre future Alliance »'),
    ).toBe('Forum des Alliances — «\u00a0Rêvons ensemble notre future Alliance\u00a0»');
    expect(keepPunctuationAttached('Les incontournables : quoi garder ? Tout !')).toBe(
      'Les incontournables\u00a0: quoi garder\u202f? Tout\u202f!',
    );
  });

  it('changes only spaces that were typed: an English title and a link stay as they were', () => {
    expect(keepPunctuationAttached('Alliance forum: what now?')).toBe('Alliance forum: what now?');
    expect(keepPunctuationAttached('Voir http://carton.local:8787')).toBe(
      'Voir http://carton.local:8787',
    );
    expect(keepPunctuationAttached('«\u00a0Déjà\u00a0»')).toBe('«\u00a0Déjà\u00a0»');
  });
});
