import { describe, expect, it } from 'vitest';
import { kindAfterName } from './copyTarget';

describe('the kind shown after a board in « Copier vers… »', () => {
  it('tells a board whose name does not say its kind', () => {
    expect(kindAfterName('Mosaïque des territoires', 'Plénière')).toBe('Plénière');
  });

  it('is left off when the name already says it: « Cartes postales (Cartes postales) » repeated itself', () => {
    expect(kindAfterName('Cartes postales', 'Cartes postales')).toBeNull();
    expect(
      kindAfterName('Plénière — Vision commune des conditions de succès', 'Plénière'),
    ).toBeNull();
    expect(kindAfterName('cartes postales du forum', 'Cartes postales')).toBeNull();
  });
});
