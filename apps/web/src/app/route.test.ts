import { describe, expect, it } from 'vitest';
import { mendLink, parseRoute } from './route';

// Tokens as the server makes them: 43 base64url characters.
const TOKEN = 'Kx7_mP2qRimouski-Neigette0123456789abcdefgh';
const FACILITATOR = 'FacilitationForumBSL2023_incontournables-ab';
const VIEW = 'VueLesBasques_0123456789abcdefghijklmnopqrs';

describe('parseRoute', () => {
  it('routes home and board links with the token from the fragment', () => {
    expect(TOKEN).toHaveLength(43);
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(parseRoute('/b/board%3Aabc', `#token=${TOKEN}`)).toEqual({
      page: 'board',
      boardId: 'board:abc',
      token: TOKEN,
    });
    expect(parseRoute('/b/xyz/', '')).toEqual({ page: 'board', boardId: 'xyz', token: null });
    expect(parseRoute('/nope', '')).toEqual({ page: 'notFound' });
  });

  it('takes a token cut short for no token: the link is incomplete, not replaced', () => {
    expect(parseRoute('/b/B1', `#token=${TOKEN.slice(0, 30)}`)).toEqual({
      page: 'board',
      boardId: 'B1',
      token: null,
    });
  });
});

describe('parseRoute for the forum day', () => {
  it('routes the facilitator page and projector mode', () => {
    expect(FACILITATOR).toHaveLength(43);
    expect(VIEW).toHaveLength(43);
    expect(parseRoute('/f/F1', `#token=${FACILITATOR}`)).toEqual({
      page: 'forum',
      forumId: 'F1',
      token: FACILITATOR,
    });
    expect(parseRoute('/p/B1', `#token=${VIEW}`)).toEqual({
      page: 'projector',
      boardId: 'B1',
      token: VIEW,
    });
    expect(parseRoute('/x/B1', '')).toEqual({ page: 'notFound' });
  });
});

describe('mendLink', () => {
  const meant = `/b/B1#token=${TOKEN}`;

  it('leaves a sound link, the home page and other paths alone', () => {
    expect(mendLink('/b/B1', '', `#token=${TOKEN}`)).toBeNull();
    expect(mendLink(`/f/F1`, '', `#token=${FACILITATOR}`)).toBeNull();
    expect(mendLink('/b/B1', '', '')).toBeNull();
    expect(mendLink('/', '?token=abc', '')).toBeNull();
    expect(mendLink('/bord/B1', '', `#token=${TOKEN}`)).toBeNull();
  });

  it('drops what a sentence glued to the token (period, parenthesis, guillemet, words)', () => {
    expect(mendLink('/b/B1', '', `#token=${TOKEN}.`)).toBe(meant);
    expect(mendLink('/b/B1', '', `#token=${TOKEN})`)).toBe(meant);
    expect(mendLink('/b/B1', '', `#token=${TOKEN}%C2%A0%C2%BB`)).toBe(meant);
    expect(mendLink('/b/B1', '', `#token=${TOKEN}merci`)).toBe(meant);
    // Cut short: nothing to mend (the page says the link is incomplete).
    expect(mendLink('/b/B1', '', `#token=${TOKEN.slice(0, 20)}`)).toBeNull();
  });

  it('reads a fragment sent encoded or as a query, and a route letter in capitals', () => {
    expect(mendLink(`/b/B1%23token=${TOKEN}`, '', '')).toBe(meant);
    expect(mendLink(`/b/B1%23token%3D${TOKEN}`, '', '')).toBe(meant);
    expect(mendLink('/b/B1', `?token=${TOKEN}`, '')).toBe(meant);
    expect(mendLink('/b/B1', `?token=${TOKEN}&lang=fr`, '')).toBe(`/b/B1?lang=fr#token=${TOKEN}`);
    expect(mendLink('/B/B1', '', `#token=${TOKEN}`)).toBe(meant);
    expect(mendLink('/P/B1', '', `#token=${VIEW}`)).toBe(`/p/B1#token=${VIEW}`);
    // Each mended link then routes as the sound one does.
    const [path, hash] = meant.split('#');
    expect(parseRoute(path!, `#${hash}`)).toEqual(parseRoute('/b/B1', `#token=${TOKEN}`));
  });

  it('leaves a link with both a query and a fragment token, and a malformed escape', () => {
    expect(mendLink('/b/B1', '?token=autre', `#token=${TOKEN}`)).toBeNull();
    expect(mendLink('/b/B1%23%E0%A4', '', '')).toBeNull();
  });
});
