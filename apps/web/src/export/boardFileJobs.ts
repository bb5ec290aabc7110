// The page's side of boardFile.worker.ts: one worker per import, asked to read the file, place
// its shapes and merge the updates the import wrote. Where no worker starts (Node, in unit tests;
// a browser that refuses it), the same work runs here, in the page, as it did before.
import { BoardFileError, type BoardFileIssue, type ParsedBoardFile } from '@carton/board';
import {
  mergeImportUpdates,
  placeBoardFile,
  readBoardFile,
  type PlacedBoardFile,
  type PlaceRequest,
  type ReadBoardFile,
} from './boardFileWork';

export type BoardFileJob =
  | { readonly id: number; readonly kind: 'read'; readonly bytes: Uint8Array; maxBytes: number }
  | { readonly id: number; readonly kind: 'place'; readonly request: PlaceRequest }
  | { readonly id: number; readonly kind: 'merge'; readonly updates: readonly Uint8Array[] };

export type BoardFileJobAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly issues: readonly BoardFileIssue[] }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface BoardFileJobs {
  /** Checks the file (BoardFileError if it is not one this Carton takes). */
  read(bytes: Uint8Array, maxBytes: number): Promise<ReadBoardFile>;
  /** Places the file last read (see placeBoardFile). */
  place(request: PlaceRequest): Promise<PlacedBoardFile>;
  merge(updates: readonly Uint8Array[]): Promise<Uint8Array>;
  /** Whether the work runs in a worker (false: in the page). */
  readonly inWorker: boolean;
  close(): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

function answerError(answer: BoardFileJobAnswer & { ok: false }): Error {
  return 'issues' in answer ? new BoardFileError(answer.issues) : new Error(answer.message);
}

/** The same work in the page, one job after another. */
function inPage(): BoardFileJobs {
  let lastRead: ParsedBoardFile | null = null;
  return {
    inWorker: false,
    read: async (bytes, maxBytes) => {
      lastRead = null;
      const { file, read } = readBoardFile(bytes, maxBytes);
      lastRead = file;
      return read;
    },
    place: async (request) => {
      if (lastRead === null) throw new Error('no board file read');
      const placed = placeBoardFile(lastRead, request);
      lastRead = null;
      return placed;
    },
    merge: async (updates) => mergeImportUpdates(updates),
    close: () => undefined,
  };
}

/**
 * The jobs sent to `worker`. A worker that fails (its script not fetched: offline, on a page that
 * never imported while online, as the service worker caches assets once fetched) hands its jobs,
 * and all later ones, to the page: the import goes on as it did before there was a worker.
 */
function inWorker(worker: Worker): BoardFileJobs {
  const pending = new Map<number, Pending & { again: (page: BoardFileJobs) => Promise<unknown> }>();
  let next = 0;
  let page: BoardFileJobs | null = null;
  worker.onmessage = (event: MessageEvent<BoardFileJobAnswer>) => {
    const answer = event.data;
    const job = pending.get(answer.id);
    if (!job) return;
    pending.delete(answer.id);
    if (answer.ok) job.resolve(answer.value);
    else job.reject(answerError(answer));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.warn(
      'Carton: the board file worker failed, the import goes on in the page',
      event.message,
    );
    worker.terminate();
    page ??= inPage();
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.again(page).then(job.resolve, job.reject);
  };
  const ask = <T>(
    job: BoardFileJob,
    again: (page: BoardFileJobs) => Promise<T>,
    transfer: Transferable[] = [],
  ): Promise<T> => {
    if (page) return again(page);
    return new Promise<T>((resolve, reject) => {
      pending.set(job.id, { resolve: resolve as (value: unknown) => void, reject, again });
      worker.postMessage(job, transfer);
    });
  };
  return {
    get inWorker() {
      return page === null;
    },
    // The bytes are copied, not moved: the page may have to read them itself.
    read: (bytes, maxBytes) =>
      ask({ id: next++, kind: 'read', bytes, maxBytes }, (p) => p.read(bytes, maxBytes)),
    place: (request) => ask({ id: next++, kind: 'place', request }, (p) => p.place(request)),
    merge: (updates) => ask({ id: next++, kind: 'merge', updates }, (p) => p.merge(updates)),
    close: () => {
      worker.terminate();
      for (const job of pending.values()) job.reject(new Error('board file worker closed'));
      pending.clear();
    },
  };
}

/** A worker for one import (close it after), or the page itself where none can start. */
export function openBoardFileJobs(): BoardFileJobs {
  if (typeof Worker === 'undefined') return inPage();
  try {
    return inWorker(
      new Worker(new URL('./boardFile.worker.ts', import.meta.url), {
        type: 'module',
        name: 'carton-board-file',
      }),
    );
  } catch {
    return inPage();
  }
}
