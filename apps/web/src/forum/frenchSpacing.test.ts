import { describe, expect, it } from 'vitest';
import { withFrenchSpaces } from './frenchSpacing';

describe('withFrenchSpaces', () => {
  it('keeps « » with their words and the marks with theirs in a typed title', () => {
    expect(
      withFrenchSpaces('Forum des Alliances — « Rêvons ensemble notre future Alliance »'),
    ).toBe('Forum des Alliances — «\u00a0Rêvons ensemble notre future Alliance\u00a0»');
    expect(withFrenchSpaces('Les incontournables : quoi garder ? Tout !')).toBe(
      'Les incontournables\u00a0: quoi garder\u202f? Tout\u202f!',
    );
  });

  it('changes only spaces that were typed: an English title and a link stay as they were', () => {
    expect(withFrenchSpaces('Alliance forum: what now?')).toBe('Alliance forum: what now?');
    expect(withFrenchSpaces('Voir http://carton.local:8787')).toBe('Voir http://carton.local:8787');
    expect(withFrenchSpaces('«\u00a0Déjà\u00a0»')).toBe('«\u00a0Déjà\u00a0»');
  });
});
