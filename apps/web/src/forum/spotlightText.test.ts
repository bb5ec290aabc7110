import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { spotlightElsewhereText } from './spotlightText';

describe('spotlightElsewhereText', () => {
  it('names who presents, or starts with the role as a sentence when no name is known', async () => {
    const fr = await testTranslator('fr-CA');
    expect(spotlightElsewhereText('Jocelyne', fr)).toBe('Jocelyne présente un autre tableau.');
    expect(spotlightElsewhereText(null, fr)).toBe('L’animation présente un autre tableau.');
    expect(spotlightElsewhereText('', fr)).toBe('L’animation présente un autre tableau.');
    const en = await testTranslator('en');
    expect(spotlightElsewhereText(undefined, en)).toBe(
      'The facilitator is presenting another board.',
    );
    expect(spotlightElsewhereText('Jocelyne', en)).toBe('Jocelyne is presenting another board.');
  });
});
