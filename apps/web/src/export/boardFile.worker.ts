// The Web Worker of a board file's import (boardFileWork.ts does the work, boardFileJobs.ts
// talks to it). The file last read stays here until it is placed: the page gets back only what
// it needs (pictures, bounds), not the checked file twice over.
import { BoardFileError, type ParsedBoardFile } from '@carton/board';
import { mergeImportUpdates, placeBoardFile, readBoardFile } from './boardFileWork';
import type { BoardFileJob, BoardFileJobAnswer } from './boardFileJobs';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BoardFileJob>) => void) | null;
  postMessage(message: BoardFileJobAnswer, transfer?: Transferable[]): void;
};

let lastRead: ParsedBoardFile | null = null;

scope.onmessage = (event) => {
  const job = event.data;
  try {
    if (job.kind === 'read') {
      lastRead = null;
      const { file, read } = readBoardFile(job.bytes, job.maxBytes);
      lastRead = file;
      scope.postMessage({ id: job.id, ok: true, value: read });
    } else if (job.kind === 'place') {
      if (lastRead === null) throw new Error('no board file read');
      const placed = placeBoardFile(lastRead, job.request);
      lastRead = null;
      scope.postMessage({ id: job.id, ok: true, value: placed });
    } else {
      const merged = mergeImportUpdates(job.updates);
      scope.postMessage({ id: job.id, ok: true, value: merged }, [merged.buffer as ArrayBuffer]);
    }
  } catch (error) {
    scope.postMessage(
      error instanceof BoardFileError
        ? { id: job.id, ok: false, issues: error.issues }
        : {
            id: job.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          },
    );
  }
};
