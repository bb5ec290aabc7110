// The worker thread's entry (built as dist/board-file-worker.js): one board import's work
// (prepareBoardImport) per thread, its answer posted back. See off-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareBoardImport, type BoardFileWork } from './board-file-work.ts';

try {
  parentPort?.postMessage({ result: prepareBoardImport(workerData as BoardFileWork) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
