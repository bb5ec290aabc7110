import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { spotlightBy, spotlightElsewhereText } from './spotlightText';

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

describe('spotlightBy', () => {
  it('sends a name the server takes (R24): no control, bidi or broken character', () => {
    expect(spotlightBy(' Josée 🎤 ')).toBe('Josée 🎤');
    expect(spotlightBy('Josée\tLavoie')).toBe('Josée Lavoie');
    expect(spotlightBy('Anim\u202Eation\u0000')).toBe('Anim ation');
    expect(spotlightBy('Jocelyne \ud83c')).toBe('Jocelyne');
    expect(spotlightBy('\u200b\u200f')).toBeUndefined();
    expect(Array.from(spotlightBy('é'.repeat(100))!)).toHaveLength(80);
  });
});
