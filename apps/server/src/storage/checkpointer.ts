import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.ts';

/**
 * The worker's code: its own connection to the same file, a PASSIVE checkpoint every interval.
 * A data: URL keeps it inside the bundle (no second file to ship beside dist/main.js).
 */
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
// Lowest priority for this thread only (Linux: setpriority(0) is per thread): on a busy core,
// the relay's thread preempts the checkpoint's copying instead of waiting for its time slice.
try { setPriority(19); } catch {}
const Database = createRequire(workerData.driver)(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const run = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', code: String(error && error.code || ''), message: String(error && error.message || error) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'now') run();
  if (message === 'stop') { clearInterval(timer); db.close(); parentPort.close(); }
});
parentPort.postMessage({ type: 'ready' });
`;

/** SQLite's default: a checkpoint once the WAL holds 1000 pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface BackgroundCheckpointer {
  /**
   * Runs a checkpoint now (tests); resolves with its result, rejects if that round fails (its
   * error carries SQLite's code, e.g. SQLITE_FULL) or the worker is stopped or gone.
   */
  checkpointNow(): Promise<CheckpointResult>;
  /** Stops the worker; the main connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/**
 * R5: the WAL is checkpointed by a worker thread with its own connection, not by the connection
 * that commits the relay's appends. SQLite's automatic checkpoint runs inside the commit that
 * crosses 1000 pages — copying the pages and two fsyncs, ~10 ms during which the event loop
 * relays nothing (the slowest edits of a busy forum). A PASSIVE checkpoint from another
 * connection never blocks the writer. If the worker cannot start or fails, the main connection
 * checkpoints automatically again, as before.
 */
export function startBackgroundCheckpointer(
  db: SqliteDatabase,
  options: { intervalMs: number; onError?: (error: Error) => void },
): BackgroundCheckpointer | null {
  if (db.memory || db.name === '') return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker;
  try {
    worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(WORKER_SOURCE)), {
      workerData: { driver, file: db.name, intervalMs: options.intervalMs },
    });
  } catch (error) {
    options.onError?.(error as Error);
    return null;
  }
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let stopped = false;
  const restoreAutocheckpoint = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  // checkpointNow's callers: the next round's outcome settles them all (a failed one too, or
  // they would wait forever — R69: a full disk fails every round until space is back).
  const waiting: Array<{
    resolve: (result: CheckpointResult) => void;
    reject: (error: Error) => void;
  }> = [];
  const rejectWaiting = (error: Error) => {
    for (const { reject } of waiting.splice(0)) reject(error);
  };
  type WorkerMessage = {
    type: string;
    log?: number;
    checkpointed?: number;
    code?: string;
    message?: string;
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'checkpointed') {
      const result = { log: message.log ?? 0, checkpointed: message.checkpointed ?? 0 };
      for (const { resolve } of waiting.splice(0)) resolve(result);
    } else if (message.type === 'failed') {
      // A busy or failed round is retried at the next interval; the WAL only grows meanwhile.
      // The SQLite code travels along (R69: SQLITE_FULL is the disk's, said once).
      const error = new Error(`background checkpoint failed: ${message.message ?? ''}`);
      if (message.code) Object.assign(error, { code: message.code });
      options.onError?.(error);
      rejectWaiting(error);
    }
  });
  let exited = false;
  worker.on('error', (error) => {
    options.onError?.(error);
    restoreAutocheckpoint();
    rejectWaiting(error);
  });
  worker.on('exit', () => {
    exited = true;
    if (!stopped) restoreAutocheckpoint();
    rejectWaiting(new Error('background checkpointer stopped'));
  });
  return {
    checkpointNow() {
      if (stopped || exited) {
        return Promise.reject(new Error('background checkpointer stopped'));
      }
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage('now');
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (exited) return restoreAutocheckpoint();
      const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // Unref'd while it runs (it must not keep a server alive), but its exit is awaited: at
      // shutdown the HTTP server is already closed, so without this the process fell out of
      // its event loop here, before the final checkpoint, the close and the `stopped` line (R8).
      worker.ref();
      worker.postMessage('stop');
      await gone;
      restoreAutocheckpoint();
    },
  };
}
