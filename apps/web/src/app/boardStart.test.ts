import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { startBoardRoute, type BoardStart } from './boardStart';
import { parseRoute } from './route';

/** A board link's token, as the server makes them (43 base64url characters). */
const T1 = 'Kamouraska_t1-0123456789abcdefghijklmnopqrs';

function recorder(info: Promise<unknown> = Promise.resolve()) {
  const asked: string[] = [];
  const start: BoardStart = {
    loadBoardPage: () => {
      asked.push('code');
      return Promise.resolve();
    },
    requestBoardInfo: (boardId, token) => {
      asked.push(`info ${boardId} ${token}`);
      return info;
    },
    openLocalCopy: (boardId) => void asked.push(`copy ${boardId}`),
    dropLocalCopy: (boardId) => void asked.push(`drop ${boardId}`),
    eraseLocalCopy: (boardId) => void asked.push(`erase ${boardId}`),
    openConnection: (boardId, token, accepted) =>
      void accepted.then(
        () => asked.push(`socket ${boardId} ${token}`),
        () => undefined,
      ),
    requestServerTime: () => {
      asked.push('time');
      return Promise.resolve();
    },
    loadFonts: () => {
      asked.push('fonts');
      return Promise.resolve();
    },
  };
  return { asked, start };
}

describe('startBoardRoute', () => {
  it('asks for a board link’s info, copy, server time, typeface and code at once', async () => {
    const { asked, start } = recorder();
    startBoardRoute(parseRoute('/b/b1', `#token=${T1}`), start);
    // The time and the typeface before the editor's code: the time was asked for once the
    // editor was shown, the typeface once the rest of the page's code had run.
    expect(asked).toEqual([`info b1 ${T1}`, 'copy b1', 'time', 'fonts', 'code']);
    await Promise.resolve();
    // Then only the socket, once the info came (below).
    expect(asked).toEqual([`info b1 ${T1}`, 'copy b1', 'time', 'fonts', 'code', `socket b1 ${T1}`]);
  });

  it('opens the board’s socket once the server accepts the link, before the editor', async () => {
    const { asked, start } = recorder();
    startBoardRoute(parseRoute('/b/b1', `#token=${T1}`), start);
    expect(asked.some((step) => step.startsWith('socket'))).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toContain(`socket b1 ${T1}`);
  });

  it('drops the copy of a link the server refuses, not of one it could not reach', async () => {
    for (const [status, dropped] of [
      [403, true],
      [404, true],
      [0, false],
    ] as const) {
      const refused = Promise.reject(new ApiError(status, 'x', 'x'));
      const { asked, start } = recorder(refused);
      startBoardRoute(parseRoute('/b/b1', `#token=${T1}`), start);
      await refused.catch(() => undefined);
      await Promise.resolve();
      expect(asked.includes('drop b1')).toBe(dropped);
      expect(asked.some((step) => step.startsWith('socket'))).toBe(false);
    }
  });

  it('erases the copy of a board whose forum was deleted (410 forum_deleted)', async () => {
    const gone = Promise.reject(new ApiError(410, 'forum_deleted', 'This forum was deleted.'));
    const { asked, start } = recorder(gone);
    startBoardRoute(parseRoute('/b/b1', `#token=${T1}`), start);
    await gone.catch(() => undefined);
    await Promise.resolve();
    expect(asked).toContain('erase b1');
    expect(asked).not.toContain('drop b1');
    expect(asked.some((step) => step.startsWith('socket'))).toBe(false);
  });

  it('starts nothing for the other pages, nor for a link cut before its token', () => {
    const { asked, start } = recorder();
    for (const [path, hash] of [
      ['/', ''],
      ['/b/b1', ''],
      ['/f/f1', `#token=${T1}`],
      ['/p/b1', `#token=${T1}`],
      ['/nowhere/x/y', ''],
    ] as const) {
      startBoardRoute(parseRoute(path, hash), start);
    }
    expect(asked).toEqual([]);
  });
});
