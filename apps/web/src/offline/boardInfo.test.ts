import { describe, expect, it, vi } from 'vitest';
import { ApiError, type BoardInfo } from '../board/api';
import {
  boardInfoKey,
  loadBoardInfo,
  loadBoardInfoWhenReachable,
  requestBoardInfoEarly,
  tokenFingerprint,
} from './boardInfo';
import type { KeyValueStore } from './pending';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const info: BoardInfo = {
  board: {
    id: 'b1',
    title: 'Conditions de succès — Témiscouata',
    kind: 'territory',
    territory: 'Témiscouata',
    forumId: 'f1',
  },
  role: 'edit',
};
const offline = () => Promise.reject(new ApiError(0, 'network', 'Failed to fetch'));

describe('loadBoardInfo', () => {
  it('remembers the answer and uses it only when the network fails', async () => {
    const store = memoryStore();
    expect(await loadBoardInfo('b1', 'edit-token', () => Promise.resolve(info), store)).toEqual({
      info,
      fromCache: false,
    });
    expect(await loadBoardInfo('b1', 'edit-token', offline, store)).toEqual({
      info,
      fromCache: true,
    });
  });

  it('keeps each link’s role apart and never hides a refusal', async () => {
    const store = memoryStore();
    await loadBoardInfo('b1', 'edit-token', () => Promise.resolve(info), store);
    await expect(loadBoardInfo('b1', 'view-token', offline, store)).rejects.toThrow(
      'Failed to fetch',
    );
    const refused = () => Promise.reject(new ApiError(401, 'invalid_token', 'no'));
    await expect(loadBoardInfo('b1', 'edit-token', refused, store)).rejects.toMatchObject({
      status: 401,
    });
    // …and the refused link is forgotten: offline, it no longer opens the board.
    await expect(loadBoardInfo('b1', 'edit-token', offline, store)).rejects.toBeInstanceOf(
      ApiError,
    );
  });

  it('ignores a damaged remembered entry', async () => {
    const store = memoryStore();
    store.setItem(boardInfoKey('b1', 't'), '{"role":"facilitator"}');
    await expect(loadBoardInfo('b1', 't', offline, store)).rejects.toBeInstanceOf(ApiError);
  });

  it('fingerprints tokens without storing them', () => {
    const token = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
    expect(tokenFingerprint(token)).toBe(tokenFingerprint(token));
    expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(token + 'x'));
    expect(boardInfoKey('b1', token)).not.toContain(token);
  });
});

describe('requestBoardInfoEarly', () => {
  it('is taken by the page’s first load instead of asking again; a retry asks again', async () => {
    const early = vi.fn(() => Promise.resolve(info));
    requestBoardInfoEarly('b1', 'edit-token', early);
    expect(early).toHaveBeenCalledOnce();
    const fetcher = vi.fn(() => Promise.reject(new ApiError(0, 'network', 'Failed to fetch')));
    const store = memoryStore();
    expect(await loadBoardInfo('b1', 'edit-token', fetcher, store)).toEqual({
      info,
      fromCache: false,
    });
    expect(fetcher).not.toHaveBeenCalled();
    expect(store.getItem(boardInfoKey('b1', 'edit-token'))).toBe(JSON.stringify(info));
    await expect(loadBoardInfo('b1', 'edit-token', fetcher, memoryStore())).rejects.toThrow();
    expect(fetcher).toHaveBeenCalledOnce();
  });

  it('keeps a refusal a refusal, and is not taken for another board or link', async () => {
    requestBoardInfoEarly('b1', 'old-token', () => Promise.reject(new ApiError(403, 'x', 'no')));
    await expect(loadBoardInfo('b1', 'old-token', () => Promise.resolve(info))).rejects.toThrow(
      'no',
    );
    requestBoardInfoEarly('b1', 'edit-token', () => Promise.reject(new Error('not taken')));
    const fetcher = vi.fn(() => Promise.resolve(info));
    await loadBoardInfo('b1', 'view-token', fetcher, memoryStore());
    expect(fetcher).toHaveBeenCalledOnce();
    // Dropped once a load has run: a later visit to the first board asks the server again.
    await loadBoardInfo('b1', 'edit-token', fetcher, memoryStore());
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

describe('loadBoardInfoWhenReachable', () => {
  const info: BoardInfo = {
    role: 'edit',
    board: { id: 'b1', title: 'Conditions de succès — La Mitis' },
  } as BoardInfo;
  const offline = () => Promise.reject(new ApiError(0, 'network', 'Failed to fetch'));

  it('waits through network failures and opens once the server answers', async () => {
    const answers = [offline, offline, () => Promise.resolve({ info, fromCache: false })];
    let waited = 0;
    const loaded = await loadBoardInfoWhenReachable(
      'b1',
      'tok',
      () => waited++,
      new AbortController().signal,
      () => answers.shift()!(),
      1,
    );
    expect(loaded.info).toBe(info);
    expect(waited).toBe(2);
  });

  it('fails at once on a refused link', async () => {
    const refused = () => Promise.reject(new ApiError(403, 'forbidden', 'Lien refusé'));
    await expect(
      loadBoardInfoWhenReachable('b1', 'tok', () => {}, new AbortController().signal, refused, 1),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('stops trying once aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let tries = 0;
    const waiting = new Promise<void>((resolve) => {
      void loadBoardInfoWhenReachable(
        'b1',
        'tok',
        () => resolve(),
        controller.signal,
        () => {
          tries++;
          return offline();
        },
        1,
      );
    });
    await waiting;
    vi.advanceTimersByTime(1);
    expect(tries).toBe(2); // it does retry while not aborted
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(tries).toBe(2);
    vi.useRealTimers();
  });
});
