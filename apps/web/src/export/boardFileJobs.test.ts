import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardFileError } from '@carton/board';
import { openBoardFileJobs } from './boardFileJobs';

/** A worker whose script never loads (offline, never fetched): an error event, no answer. */
class UnreachableWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  postMessage(): void {
    setTimeout(() => this.onerror?.({ message: 'not found', preventDefault: () => undefined }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const file = JSON.stringify({
  format: 'carton-board',
  version: 1,
  meta: { schemaVersion: 1, title: 'La Mitis', kind: 'territory' },
  shapes: [
    {
      id: 'shape:noteAAAAAAAAAAAAAAAAAAAA',
      type: 'note',
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a0',
      parentId: null,
      text: 'Financement systémique',
      color: 'yellow',
      w: 200,
      h: 200,
    },
  ],
});

describe('openBoardFileJobs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a worker that cannot start hands the import to the page, which goes on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('Worker', UnreachableWorker);
    const jobs = openBoardFileJobs();
    expect(jobs.inWorker).toBe(true);
    const read = await jobs.read(new TextEncoder().encode(file), 1 << 20);
    expect(jobs.inWorker).toBe(false);
    expect(read.bounds).toEqual({ x0: 0, y0: 0, x1: 200, y1: 200 });
    const placed = await jobs.place({
      stored: new Map(),
      offset: { x: 0, y: 0 },
      top: null,
      userId: 'user:a',
    });
    expect(placed.records).toHaveLength(1);
    await expect(jobs.read(new TextEncoder().encode('{'), 1 << 20)).rejects.toThrow(BoardFileError);
    jobs.close();
  });
});
