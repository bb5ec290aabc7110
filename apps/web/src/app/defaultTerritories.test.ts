import { BSL_TERRITORIES } from '@carton/board';
import { describe, expect, it } from 'vitest';
import { cleanTerritories } from './defaultTerritories';

describe('territories of a new forum', () => {
  it('defaults to the eight MRCs of Bas-Saint-Laurent', () => {
    expect(BSL_TERRITORIES).toHaveLength(8);
    expect(BSL_TERRITORIES).toContain('Rimouski-Neigette');
  });
  it('drops blanks and case-insensitive duplicates', () => {
    expect(cleanTerritories([' La Mitis ', '', 'la mitis', 'Les Basques'])).toEqual([
      'La Mitis',
      'Les Basques',
    ]);
  });
});
