import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { peopleNews } from './peopleNews';

const pierre = { clientId: 1, user: { name: 'Pierre' } };
const julie = { clientId: 2, user: { name: 'Julie' } };
const marc = { clientId: 3, user: { name: 'Marc' } };

describe('peopleNews', () => {
  it('says who joined and who left, in French', async () => {
    const t = await testTranslator('fr-CA');
    expect(peopleNews(t, 'fr-CA', [pierre], [pierre, julie])).toBe('Julie a rejoint le tableau.');
    expect(peopleNews(t, 'fr-CA', [pierre], [julie, marc])).toBe(
      'Julie et Marc ont rejoint le tableau. Pierre a quitté le tableau.',
    );
  });

  it('says nothing when the same people are there (a name change, a reorder)', async () => {
    const t = await testTranslator('fr-CA');
    expect(peopleNews(t, 'fr-CA', [pierre, julie], [julie, pierre])).toBe('');
  });

  it('speaks English in English', async () => {
    const t = await testTranslator('en');
    expect(peopleNews(t, 'en', [pierre, julie], [])).toBe('Pierre and Julie left the board.');
  });
});
