import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  prepareBoardImport,
  type BoardFileWork,
  type BoardFileWorkResult,
} from './board-file-work.ts';

const WORKER_FILE = 'board-file-worker.js';

/**
 * The built worker (dist/board-file-worker.js), beside the bundle that holds this module
 * (dist/main.js, or a shared chunk in dist/assets/). Null when running from the TypeScript
 * sources (unit tests): Node 20 cannot start a `.ts` worker, so the work runs inline there.
 */
function builtWorker(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const path of [join(here, WORKER_FILE), join(here, '..', WORKER_FILE)]) {
    if (existsSync(path)) return path;
  }
  return null;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * A board import's parse, checks and Yjs work in a worker thread, so the event loop keeps
 * answering every other board meanwhile (the room applies the resulting update alone). One
 * import's work at a time: a second waits for the first (two cores, and a big file's work
 * holds ~hundreds of MiB), which bounds what a flood of imports costs the rest.
 */
export function prepareBoardImportOffThread(work: BoardFileWork): Promise<BoardFileWorkResult> {
  const next = queue.then(() => runOnce(work));
  queue = next.catch(() => undefined);
  return next;
}

function runOnce(work: BoardFileWork): Promise<BoardFileWorkResult> {
  const path = builtWorker();
  if (path === null) return Promise.resolve().then(() => prepareBoardImport(work));
  return new Promise((resolve, reject) => {
    const worker = new Worker(path, { workerData: work });
    let answered = false;
    worker.once('message', (message: { result?: BoardFileWorkResult; error?: string }) => {
      answered = true;
      if (message.result) resolve(message.result);
      else reject(new Error(`board import worker: ${message.error ?? 'no answer'}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`board import worker exited (${code}) without an answer`));
    });
  });
}
