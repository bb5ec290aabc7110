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
