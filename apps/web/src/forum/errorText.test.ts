import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import { COPY_REFUSAL_CODES, copyRefusalText, forumErrorText } from './errorText';

// What the facilitator page met on a dropped wifi or a refused call: the browser's and the
// server's English messages were shown as they came (« Failed to fetch »).
const FAILURES: unknown[] = [
  new ApiError(0, 'network', 'Failed to fetch'),
  new TypeError('Failed to fetch'),
  new ApiError(403, 'forbidden', 'This token cannot do that.'),
  new ApiError(404, 'forum_not_found', 'No such forum.'),
  new ApiError(429, 'too_many_requests', 'Too many forums created from this address.'),
  new ApiError(503, 'unavailable', 'Service Unavailable'),
  new ApiError(400, 'invalid_body', 'Expected number, received string'),
];

describe('forum action errors', () => {
  it('are plain French, never the browser’s or the server’s English', async () => {
    const fr = await testTranslator('fr-CA');
    const texts = FAILURES.map((e) => forumErrorText(e, fr));
    for (const text of texts) {
      expect(text).not.toMatch(/fetch|token|forum_not_found|Service|Expected|Too many|^forum\./);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(texts[0]).toContain('réessayez');
    expect(texts[2]).toContain('lien d’animation');
    expect(texts[6]).toContain('400');
    // Each kind of failure says something different.
    expect(new Set(texts.slice(2)).size).toBe(5);
  });

  it('have their English text too', async () => {
    const english = await testTranslator('en');
    for (const e of FAILURES) expect(forumErrorText(e, english)).not.toMatch(/^forum\./);
    expect(forumErrorText(FAILURES[0], english)).toContain('try again');
  });

  it('say what changed when the forum moved on meanwhile (409), not « erreur 409 »', async () => {
    // A timer paused from a second tab: « Reprendre » in the first one was refused.
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const paused = new ApiError(409, 'timer_not_paused', 'The timer is not paused.');
    const gone = new ApiError(409, 'no_such_vote', 'No such vote.');
    expect(forumErrorText(paused, fr)).toContain('minuterie a changé');
    expect(forumErrorText(gone, fr)).toContain('Ce vote n’existe plus');
    expect(forumErrorText(paused, english)).toContain('timer changed');
    for (const error of [paused, gone]) expect(forumErrorText(error, fr)).not.toContain('409');
    // Another conflict keeps the general message with its status.
    expect(forumErrorText(new ApiError(409, 'other', 'x'), fr)).toContain('409');
  });

  it('R58: a board that cannot come back says why, in both languages', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const full = new ApiError(409, 'too_many_boards', 'A forum holds at most 64 boards.');
    const taken = new ApiError(409, 'territory_taken', 'Another board has this territory.');
    expect(forumErrorText(full, fr)).toContain('nombre maximal de tableaux');
    expect(forumErrorText(full, english)).toContain('most boards');
    expect(forumErrorText(taken, fr)).toContain('nom de territoire');
  });
});

describe('V5: reopening a vote that is open already', () => {
  it('says the vote is open, in both languages, not « erreur 409 »', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const open = new ApiError(409, 'vote_open', 'This vote is open already.');
    expect(forumErrorText(open, fr)).toContain('déjà ouvert');
    expect(forumErrorText(open, fr)).not.toContain('409');
    expect(forumErrorText(open, english)).toContain('open already');
  });
});

describe('a participant’s refused dot (V3)', () => {
  it('is said in plain French, never the server’s English', async () => {
    const fr = await testTranslator('fr-CA');
    const refused = [
      new ApiError(409, 'vote_closed', 'This vote is closed.'),
      new ApiError(409, 'no_dots_left', 'At most 3 dots per person.'),
      new ApiError(400, 'not_a_note', 'Dots go on notes of the boards in the vote.'),
      new ApiError(400, 'board_not_in_vote', 'This board is not in the vote.'),
    ];
    const texts = refused.map((e) => forumErrorText(e, fr));
    for (const text of texts) expect(text).not.toMatch(/vote is|dots per|notes of|erreur/);
    expect(texts[0]).toContain('fermé');
    expect(texts[1]).toContain('tous vos points');
    expect(new Set(texts).size).toBe(4);
  });

  it('a dot on a note with no text (409 empty_note) says what the local refusal says', async () => {
    for (const lng of ['fr-CA', 'en'] as const) {
      const t = await testTranslator(lng);
      const text = forumErrorText(new ApiError(409, 'empty_note', 'This note has no text.'), t);
      expect(text).toBe(t('forum.votes.emptyNote', {}));
    }
    const fr = await testTranslator('fr-CA');
    expect(forumErrorText(new ApiError(409, 'empty_note', 'x'), fr)).toContain('papillon est vide');
  });
});

describe('R6: a change the server could not store (503 storage_unavailable)', () => {
  const notStored = new ApiError(
    503,
    'storage_unavailable',
    'The change could not be stored; nothing was changed. Try again in a moment.',
  );

  it('says nothing was changed and to try again, in both languages', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    expect(forumErrorText(notStored, fr)).toBe(
      'Le serveur n’a pas pu enregistrer ce changement\u00a0: rien n’a été modifié. Réessayez dans un instant.',
    );
    expect(forumErrorText(notStored, english)).toContain('nothing was changed');
    // Not the general « problem on the server » of a 500.
    expect(forumErrorText(notStored, fr)).not.toBe(
      forumErrorText(new ApiError(503, 'unavailable', 'x'), fr),
    );
  });

  it('names the boards a copy did not reach with a reason for every refusal code', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    expect(COPY_REFUSAL_CODES).toContain('storage_unavailable');
    // M37: a board the copy would take past 10,000 shapes, not « try again ».
    expect(copyRefusalText('too_many_shapes', fr)).toBe(
      'ce tableau aurait plus de 10\u00a0000 formes, rien n’y a été ajouté. Supprimez des ' +
        'éléments, puis réessayez.',
    );
    for (const t of [fr, english]) {
      const reasons = COPY_REFUSAL_CODES.map((code) => copyRefusalText(code, t));
      for (const reason of reasons) expect(reason).not.toMatch(/^forum\./);
      expect(new Set([...reasons, copyRefusalText('something_new', t)]).size).toBe(
        reasons.length + 1,
      );
    }
    expect(copyRefusalText('storage_unavailable', fr)).toContain('rien n’y a été ajouté');
    expect(
      fr('forum.copyBoard.refusedLine', {
        name: 'Kamouraska',
        reason: copyRefusalText('storage_unavailable', fr),
      }),
    ).toMatch(/^Pas copié sur Kamouraska\u00a0: le serveur n’a pas pu enregistrer/);
  });
});

describe('the forum archive download refused (413 archive_too_large)', () => {
  it('says what the facilitator can do instead, in both languages', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const tooLarge = new ApiError(413, 'archive_too_large', 'The forum is too large.');
    const text = forumErrorText(tooLarge, fr);
    expect(text).toContain('trop volumineux pour tenir dans une seule archive');
    expect(text).toContain('«\u00a0Exporter / Importer\u00a0»');
    expect(text).not.toContain('413');
    expect(forumErrorText(tooLarge, english)).toContain('“Export / Import”');
  });
});
