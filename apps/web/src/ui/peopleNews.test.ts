import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { heardPeople, peopleNews } from './peopleNews';

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

  it('says nothing when only my connection drops and comes back; tells real news on return', async () => {
    const t = await testTranslator('fr-CA');
    const here = [pierre, marc];
    // Hors ligne: the others' presence is no longer heard, my list empties.
    const lost = heardPeople(t, 'fr-CA', here, [], false);
    expect(lost).toEqual({ known: here, said: '' });
    // Back: the same people again, nobody « a rejoint ».
    const back = heardPeople(t, 'fr-CA', lost.known, [pierre, marc], true);
    expect(back.said).toBe('');
    // Away again; meanwhile Marc really left and Julie came.
    const away = heardPeople(t, 'fr-CA', back.known, [pierre], false);
    expect(away.said).toBe('');
    expect(heardPeople(t, 'fr-CA', away.known, [pierre, julie], true).said).toBe(
      'Julie a rejoint le tableau. Marc a quitté le tableau.',
    );
  });

  it('tells comings and goings as they happen while I am connected', async () => {
    const t = await testTranslator('fr-CA');
    const heard = heardPeople(t, 'fr-CA', [pierre, marc], [pierre], true);
    expect(heard).toEqual({ known: [pierre], said: 'Marc a quitté le tableau.' });
  });
});
