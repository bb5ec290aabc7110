import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, uploadDeadlineMs, uploadImage } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('uploadImage on a link that forwards nothing', () => {
  it('gives up at its deadline as a network failure (the page says to choose it again)', async () => {
    vi.useFakeTimers();
    // A request that never answers, until its signal aborts it (what fetch does).
    const fetch = vi.fn(
      (_path: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const photo = new Blob([new Uint8Array(900_000)], { type: 'image/png' });
    const upload = uploadImage('board-kamouraska', 'jeton', photo);
    const failed = expect(upload).rejects.toMatchObject({ code: 'network', status: 0 });
    await vi.advanceTimersByTimeAsync(uploadDeadlineMs(photo.size) - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    await expect(upload).rejects.toBeInstanceOf(ApiError);
  });

  it('allows a bigger photo more time, within the server’s own deadline for a body', () => {
    expect(uploadDeadlineMs(100_000)).toBe(30_000);
    expect(uploadDeadlineMs(900_000)).toBe(90_000);
    expect(uploadDeadlineMs(5_000_000)).toBe(130_000);
  });
});
