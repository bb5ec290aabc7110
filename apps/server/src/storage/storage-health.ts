import type { Logger } from '../log.ts';
import type { BoardStorage, SnapshotOptions } from './board-storage.ts';
import type { SqliteDatabase } from './database.ts';
import { requireRecoveryRoom, type StatFs } from './recovery-room.ts';

/**
 * R69: what a storage failure is — the data cannot be written, whatever the caller. A full
 * disk is the usual one (the venue laptop); a read-only or failing disk the rarer ones. Other
 * errors (a constraint, a busy lock, a bug) are not the disk's and keep their own handling.
 * PostgreSQL adds `unavailable`: the database refused, dropped or stopped answering the
 * connection (postgres/pg-health.ts classifies its errors).
 */
export type StorageFailureCode = 'disk_full' | 'read_only' | 'io_error' | 'unavailable';

/** Tells what kind of storage failure an error is, or null if it is not one (R69). */
export type StorageFailureClassifier = (error: unknown) => StorageFailureCode | null;

/** The failure kind of an error thrown by SQLite (or a worker's message for one), else null. */
export function storageFailureCode(error: unknown): StorageFailureCode | null {
  if (error instanceof StorageFailingError) return error.code;
  if (typeof error !== 'object' || error === null) return null;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = String((error as { message?: unknown }).message ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|ENOSPC/i.test(message)) {
    return 'disk_full';
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error';
  return null;
}

/**
 * R69: an error storage already reported as failing. The relay and the routes log it at debug
 * level only: one line says the disk is full, not one per retrying client and board.
 */
export class StorageFailingError extends Error {
  override name = 'StorageFailingError';
  constructor(
    readonly code: StorageFailureCode,
    options: { cause: unknown },
  ) {
    super(`storage failing (${code})`, options);
  }
}

export function isReportedStorageFailure(error: unknown): boolean {
  return error instanceof StorageFailingError;
}

export interface StorageHealthReport {
  ok: false;
  code: StorageFailureCode;
  message: string;
  since: string;
}

const MESSAGES: Record<StorageFailureCode, string> = {
  disk_full: 'The disk holding Carton’s data is full: changes are not being stored.',
  read_only: 'The disk holding Carton’s data is read-only: changes are not being stored.',
  io_error: 'The disk holding Carton’s data fails to write: changes are not being stored.',
  // PostgreSQL (CARTON_DATABASE_URL) refused, dropped or stopped answering the connection.
  unavailable:
    'The database holding Carton’s data cannot be reached: changes are not being stored.',
};

/**
 * A tiny write that really needs the storage, touching no board. Throws (or rejects) as a board
 * write would; answers false once the storage is closed (nothing left to probe).
 */
export type StorageProbe = () => boolean | Promise<boolean>;

/**
 * SQLite's probe: the disk must have room again for a batch and a checkpoint (RECOVERY_MARGIN_BYTES
 * beyond the WAL, `fs.statfs` on the file's directory), then one transaction rewrites the file's
 * `user_version` with its own value (SQLite writes page 1 again, a WAL frame). The room comes
 * first: on a nearly full disk that small write succeeds (a freed page, reused WAL space) and the
 * next append fails again. `statfs` is a fake in unit tests.
 */
export function sqliteStorageProbe(
  db: SqliteDatabase,
  options: { statfs?: StatFs; marginBytes?: number } = {},
): StorageProbe {
  const rewrite = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
  });
  return () => {
    if (!db.open) return false;
    requireRecoveryRoom(db.name, options);
    rewrite.immediate();
    return true;
  };
}

/** How often a failing storage is probed (R69): a check sees recovery within a few seconds. */
export const STORAGE_PROBE_MS = 2_000;

/**
 * R69: whether the data file can be written, as last seen. The first failure is logged once, as
 * an error naming the file; it lasts until storage works again, logged once too
 * (`storage_recovered`). With a probe, a failing storage is tried every `probeMs` with a tiny
 * write of its own: space freed while nobody has changes waiting is seen too (/healthz back to
 * 200), not only once a client's resent edit goes through. A write that goes through while
 * failing does not say recovery by itself: the probe is run at once to confirm it (on SQLite it
 * also needs real room on the disk), so a nearly full disk where one small write fits does not
 * flap between failing and recovered. No probing while storage works.
 */
export class StorageHealth {
  #failing: { code: StorageFailureCode; since: number } | null = null;
  readonly #log: Logger;
  readonly #path: string;
  readonly #probe: StorageProbe | null;
  readonly #probeMs: number;
  readonly #classify: StorageFailureClassifier;
  readonly #field: string;
  #probing: ReturnType<typeof setInterval> | null = null;
  /** Failures noted after the first of this outage: said at debug level, summed at recovery. */
  #quieted = 0;
  /** Resolved by the next recovery (whenWorking). */
  #recovery: { promise: Promise<void>; resolve: () => void } | null = null;
  /** A probe awaiting its answer: the next tick waits for it (a hung connection, not a pile). */
  #probeInFlight = false;

  /**
   * `path` names the storage in the log lines, under `field` (`path` for SQLite's file,
   * `database` for PostgreSQL's `host:port/name`, never its password). `classify` tells which
   * errors are the storage's (SQLite's by default).
   */
  constructor(
    path: string,
    log: Logger,
    options: {
      probe?: StorageProbe;
      probeMs?: number;
      classify?: StorageFailureClassifier;
      field?: string;
    } = {},
  ) {
    this.#path = path;
    this.#log = log;
    this.#probe = options.probe ?? null;
    this.#probeMs = options.probeMs ?? STORAGE_PROBE_MS;
    this.#classify = options.classify ?? storageFailureCode;
    this.#field = options.field ?? 'path';
  }

  /** Whether a probe timer runs (tests). */
  get probing(): boolean {
    return this.#probing !== null;
  }

  #startProbing(): void {
    if (this.#probe === null || this.#probing !== null) return;
    this.#probing = setInterval(() => this.#probeNow(), this.#probeMs);
    // The probe never keeps the process alive (a server closing, a test ending).
    this.#probing.unref();
  }

  /** Runs the probe once (not while one is awaited): recovery if it goes through. */
  #probeNow(): void {
    const probe = this.#probe;
    if (probe === null || this.#probeInFlight || this.#failing === null) return;
    const settle = (open: boolean) => {
      if (open) this.#recovered();
      else this.#stopProbing();
    };
    // Still failing (or busy, or too little room): tried again at the next tick; said once.
    const stillFailing = (error: unknown) => this.#log.debug('storage_probe_failed', { error });
    let answer: boolean | Promise<boolean>;
    try {
      answer = probe();
    } catch (error) {
      stillFailing(error);
      return;
    }
    if (typeof answer === 'boolean') return settle(answer);
    this.#probeInFlight = true;
    answer.then(settle, stillFailing).finally(() => (this.#probeInFlight = false));
  }

  #stopProbing(): void {
    if (this.#probing !== null) clearInterval(this.#probing);
    this.#probing = null;
  }

  /** Notes an error. Returns its failure kind, or null if it is not the disk's. */
  failed(error: unknown, during: string): StorageFailureCode | null {
    const code = error instanceof StorageFailingError ? error.code : this.#classify(error);
    if (code === null) return null;
    if (this.#failing !== null) {
      this.#quieted++;
    } else {
      this.#failing = { code, since: Date.now() };
      this.#quieted = 0;
      this.#startProbing();
      this.#log.error('storage_failing', {
        code,
        [this.#field]: this.#path,
        during,
        message: MESSAGES[code],
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
    return code;
  }

  /**
   * A write went through. Without a probe, storage works again; with one, the probe confirms it
   * now (a write that fits is not yet room for the next ones, R69).
   */
  succeeded(): void {
    if (this.#failing === null) return;
    if (this.#probe === null) this.#recovered();
    else this.#probeNow();
  }

  #recovered(): void {
    const failing = this.#failing;
    if (failing === null) return;
    this.#failing = null;
    this.#stopProbing();
    this.#log.info('storage_recovered', {
      [this.#field]: this.#path,
      failedForMs: Date.now() - failing.since,
      // What the outage's other failures were not each logged for (retrying clients, requests).
      failuresSinceFirst: this.#quieted,
    });
    this.#recovery?.resolve();
    this.#recovery = null;
  }

  /** Whether storage is failing, as last seen. */
  get failing(): boolean {
    return this.#failing !== null;
  }

  /** Resolves once storage works: now if it does, else at the next recovery (never rejects). */
  whenWorking(): Promise<void> {
    if (this.#failing === null) return Promise.resolve();
    if (this.#recovery === null) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      this.#recovery = { promise, resolve };
    }
    return this.#recovery.promise;
  }

  /** Null while storage works; what fails and since when otherwise (GET /healthz). */
  report(): StorageHealthReport | null {
    const failing = this.#failing;
    if (failing === null) return null;
    return {
      ok: false,
      code: failing.code,
      message: MESSAGES[failing.code],
      since: new Date(failing.since).toISOString(),
    };
  }

  /**
   * Notes `error`; a StorageFailingError if it is a storage failure — said by `storage_failing`
   * (now, if it is the outage's first, or before), so its caller logs it at debug level only —
   * or null for any other error, which its caller logs as before.
   */
  reported(error: unknown, during: string): StorageFailingError | null {
    const code = this.failed(error, during);
    return code === null ? null : new StorageFailingError(code, { cause: error });
  }
}

/**
 * BoardStorage whose writes tell `health` how they went (R69), and whose loads tell it when they
 * fail. A storage failure is rethrown as StorageFailingError, which the relay logs at debug level
 * only: `storage_failing` (with the file or database, and `during`) is the outage's one error
 * line, even for its first append or load.
 */
export function watchStorageHealth(storage: BoardStorage, health: StorageHealth): BoardStorage {
  /** Runs one storage call; a failure is reported to `health`, a success told to it if `tell`. */
  const watched = <T>(during: string, tell: boolean, run: () => T | Promise<T>): T | Promise<T> => {
    const fail = (error: unknown): never => {
      throw health.reported(error, during) ?? error;
    };
    let result: T | Promise<T>;
    try {
      result = run();
    } catch (error) {
      return fail(error);
    }
    if (result instanceof Promise) {
      return result.then((value) => {
        if (tell) health.succeeded();
        return value;
      }, fail);
    }
    if (tell) health.succeeded();
    return result;
  };
  const write = <T>(during: string, run: () => T | Promise<T>) => watched(during, true, run);
  // A room's load failing for storage (PostgreSQL unreachable) is reported too, so the room logs
  // it at debug level; a load that goes through says nothing (a full disk still reads).
  const read = <T>(during: string, run: () => T | Promise<T>) => watched(during, false, run);
  return {
    load: (boardId) => read('load', () => storage.load(boardId)),
    append: (boardId, update) => write('append', () => storage.append(boardId, update)),
    compact: (boardId, snapshot, upToSeq) =>
      write('compact', () => storage.compact(boardId, snapshot, upToSeq)),
    saveSnapshot: (boardId, state, options: SnapshotOptions) =>
      write('snapshot', () => storage.saveSnapshot(boardId, state, options)),
    listSnapshots: (boardId) => storage.listSnapshots(boardId),
    getSnapshot: (boardId, snapshotId) => storage.getSnapshot(boardId, snapshotId),
    close: () => storage.close(),
  };
}
