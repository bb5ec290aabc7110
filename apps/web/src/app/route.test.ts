import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('parseRoute', () => {
  it('routes home and board links with the token from the fragment', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(parseRoute('/b/board%3Aabc', '#token=t0k')).toEqual({
      page: 'board',
      boardId: 'board:abc',
      token: 't0k',
    });
    expect(parseRoute('/b/xyz/', '')).toEqual({ page: 'board', boardId: 'xyz', token: null });
    expect(parseRoute('/nope', '')).toEqual({ page: 'notFound' });
  });
});

describe('parseRoute for the forum day', () => {
  it('routes the facilitator page and projector mode', () => {
    expect(parseRoute('/f/F1', '#token=fac')).toEqual({
      page: 'forum',
      forumId: 'F1',
      token: 'fac',
    });
    expect(parseRoute('/p/B1', '#token=v')).toEqual({
      page: 'projector',
      boardId: 'B1',
      token: 'v',
    });
    expect(parseRoute('/x/B1', '')).toEqual({ page: 'notFound' });
  });
});
