import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HINT_STORAGE, hintDone, markHintDone, showsHint, type HintSituation } from './firstVisit';
import { helpSections, moveParts } from './sections';
import frCA from '../i18n/fr-CA.json';
import en from '../i18n/en.json';

const FIRST: HintSituation = {
  done: false,
  readOnly: false,
  plenary: false,
  helpOpen: false,
  tool: 'select',
  selecting: false,
  voteBanner: false,
};

describe('the first visit’s hint', () => {
  it('shows to an editor who never dismissed it nor placed anything', () => {
    expect(showsHint(FIRST)).toBe(true);
  });

  it('never shows again once done, nor on a view link, nor on the plenary board', () => {
    expect(showsHint({ ...FIRST, done: true })).toBe(false);
    expect(showsHint({ ...FIRST, readOnly: true })).toBe(false);
    expect(showsHint({ ...FIRST, plenary: true })).toBe(false);
  });

  it('steps aside while the help, a tool’s caption or a selection’s panel needs its place', () => {
    expect(showsHint({ ...FIRST, helpOpen: true })).toBe(false);
    expect(showsHint({ ...FIRST, tool: 'note' })).toBe(false);
    expect(showsHint({ ...FIRST, selecting: true })).toBe(false);
  });

  it('waits while an open vote’s banner holds its place, and comes back after the vote', () => {
    // A first visit during « Nos incontournables »: the hint sat under the banner, its
    // « Compris » out of reach, saying to add a Papillon while the room voted.
    expect(showsHint({ ...FIRST, voteBanner: true })).toBe(false);
    expect(showsHint({ ...FIRST, voteBanner: false })).toBe(true);
  });

  describe('on this device', () => {
    let items: Map<string, string>;
    beforeEach(() => {
      items = new Map();
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
      });
    });
    afterEach(() => vi.unstubAllGlobals());

    it('is remembered as done in localStorage, like the stored name', () => {
      expect(hintDone()).toBe(false);
      markHintDone();
      expect(items.get(HINT_STORAGE)).toBe('done');
      expect(hintDone()).toBe(true);
    });

    it('counts as done where storage is blocked (no hint on every visit)', () => {
      vi.stubGlobal('localStorage', {
        getItem: () => {
          throw new Error('blocked');
        },
      });
      expect(hintDone()).toBe(true);
    });
  });
});

describe('the help’s sections', () => {
  it('an editor gets every section (the dot vote’s too); a view link only moving around and the keys', () => {
    // « Voter avec des points »: the help a participant opens when the vote's banner appears.
    expect(helpSections(false)).toEqual(['add', 'move', 'edit', 'vote', 'wifi', 'keys']);
    expect(helpSections(true)).toEqual(['move', 'keys']);
  });

  it('answers a newcomer’s first questions with the buttons’ own words', () => {
    // Asked on a phone at the forum and not found in « Aide »: how to make a note bigger, how to
    // stop writing, how to rub out a drawing, how to link two ideas, what the red dot means.
    for (const words of [frCA, en]) {
      const quoted = (label: string) => new RegExp(`${label}\\P{L}`, 'u');
      expect(words.help.edit.resize).toMatch(quoted(words.actions.grow));
      expect(words.help.edit.resize).toMatch(quoted(words.actions.shrink));
      expect(words.help.edit.erase).toContain(words.tools.eraser);
      expect(words.help.edit.write).toMatch(/fini|done/);
      expect(words.help.add.arrow).toMatch(/^(Une flèche|An arrow)/);
      expect(words.help.wifi.status).toContain(words.status.connected);
      expect(words.help.wifi.status).toContain(words.status.offline);
    }
  });

  it('calls the hearts and stars marks, not the vote (the vote is with dots)', () => {
    expect(frCA.help.add.stamp).not.toMatch(/voter/);
    expect(en.help.add.stamp).not.toMatch(/to vote/);
    expect(frCA.rehearsal.helpVote.placeTouch).toMatch(/^Touchez une idée/);
  });

  it('tells the fingers first on a touch screen, the mouse first elsewhere', () => {
    expect(moveParts(true)).toEqual(['touch', 'mouse']);
    expect(moveParts(false)).toEqual(['mouse', 'touch']);
  });
});
