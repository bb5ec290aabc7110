import { describe, expect, it } from 'vitest';
import { stackPlaces } from './chromeStack';

describe('stackPlaces', () => {
  it('puts each piece a gap past the one before it, from the base', () => {
    // A 390 px laptop window: the toolbar's three rows end 172 px above the bottom.
    const { offsets, reach } = stackPlaces(
      172,
      [
        { variable: '--stack-panel', size: 120 },
        { variable: '--stack-vote', size: 90 },
        { variable: '--stack-spotlight', size: 50 },
      ],
      8,
    );
    expect(offsets.get('--stack-panel')).toBe(180);
    expect(offsets.get('--stack-vote')).toBe(308);
    expect(offsets.get('--stack-spotlight')).toBe(406);
    expect(reach).toBe(464);
  });

  it('gives an absent piece no room: the next one takes its place', () => {
    const { offsets, reach } = stackPlaces(
      60,
      [
        { variable: '--stack-following', size: 0 },
        { variable: '--stack-elsewhere', size: 37 },
        { variable: '--stack-notice', size: 0 },
      ],
      8,
    );
    expect(offsets.get('--stack-following')).toBe(68);
    expect(offsets.get('--stack-elsewhere')).toBe(68);
    expect(offsets.get('--stack-notice')).toBe(113);
    expect(reach).toBe(113);
  });

  it('reaches only a gap past its base when nothing shows', () => {
    expect(stackPlaces(4, [{ variable: '--stack-panel', size: 0 }], 8).reach).toBe(12);
  });
});
