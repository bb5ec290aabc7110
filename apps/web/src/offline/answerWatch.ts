// Notices a socket that looks open but no longer carries anything: venue wifi that stays
// associated while it forwards nothing, a phone waking up on a connection the network dropped
// while it slept. The stock provider only gives up after 30 s without any frame, and meanwhile
// the page says « connecté » over a note that is going nowhere. Here, each frame the server must
// answer (a sync step 1: our confirmation queries, a probe on waking) arms a timer; any frame
// from the server disarms it; if it fires the socket is dropped, so the status says
// « hors ligne » with the changes kept, and the provider dials again.
//
// A socket still connecting after a while is dropped too: an attempt made while the network was
// gone can hang until the system gives up on it, long after the network came back.
import * as Y from 'yjs';
import { MESSAGE_SYNC, syncFrame } from './syncFrame';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

/** How long the server gets to answer a query before the socket is deemed dead. */
export const ANSWER_TIMEOUT_MS = 8000;
/** How long an attempt may stay « connecting » before it is abandoned and retried. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Each drop not followed by an answer in time doubles the wait, up to this (a slow link). */
const MAX_TIMEOUT_MS = 60_000;

/** What is read of the socket: whether it is open and still uploading. */
export interface WatchedSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
}

const OPEN = 1;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AnswerWatch {
  private answerTimer: unknown = null;
  private connectTimer: unknown = null;
  private watched: WatchedSocket | null = null;
  /** Drops since a query was last answered in time: each one doubles the next wait. */
  private silentDrops = 0;
  /** Attempts abandoned since one last opened: each one doubles the next wait (a slow venue). */
  private abandonedAttempts = 0;

  constructor(
    /** Drops the socket (the provider then reconnects with its backoff). */
    private readonly drop: (socket: WatchedSocket) => void,
    private readonly timers: Timers = realTimers,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
    private readonly connectTimeoutMs = CONNECT_TIMEOUT_MS,
  ) {}

  /** A frame the server must answer was just sent on `socket`. */
  expectAnswer(socket: WatchedSocket): void {
    if (socket.readyState !== OPEN) return;
    if (this.answerTimer !== null && this.watched === socket) return; // the first one counts
    this.clearAnswer();
    this.watched = socket;
    this.armAnswer(socket);
  }

  /**
   * A frame arrived from the server. Only a sync step 2 answers a query: others' presence and
   * edits still arriving say nothing of our frames reaching the server (on lossy wifi the way up
   * often dies first).
   */
  heard(frame: Uint8Array): void {
    if (!isSyncAnswer(frame)) return;
    // Only an answer we waited for proves the link keeps up; a reconnection's own sync does not.
    if (this.answerTimer !== null) this.silentDrops = 0;
    this.clearAnswer();
  }

  /** A new attempt started (socket « connecting »). */
  connecting(socket: WatchedSocket): void {
    this.clearConnect();
    const wait = Math.min(this.connectTimeoutMs * 2 ** this.abandonedAttempts, MAX_TIMEOUT_MS);
    this.connectTimer = this.timers.setTimeout(() => {
      this.connectTimer = null;
      if (socket.readyState === OPEN) return;
      this.abandonedAttempts++;
      this.drop(socket);
    }, wait);
  }

  /** The attempt opened: nothing to wait for on it. */
  opened(): void {
    this.abandonedAttempts = 0;
    this.clearConnect();
  }

  /** The socket closed: forget it. */
  closed(): void {
    this.clearConnect();
    this.clearAnswer();
  }

  stop(): void {
    this.closed();
  }

  private armAnswer(socket: WatchedSocket): void {
    const wait = Math.min(this.answerTimeoutMs * 2 ** this.silentDrops, MAX_TIMEOUT_MS);
    this.answerTimer = this.timers.setTimeout(() => {
      this.answerTimer = null;
      if (this.watched !== socket || socket.readyState !== OPEN) return;
      // Still uploading (a big batch on a slow link): the answer queues behind it, wait more.
      if (socket.bufferedAmount > 0) {
        this.armAnswer(socket);
        return;
      }
      this.watched = null;
      this.silentDrops++;
      this.drop(socket);
    }, wait);
  }

  private clearAnswer(): void {
    if (this.answerTimer !== null) this.timers.clearTimeout(this.answerTimer);
    this.answerTimer = null;
    this.watched = null;
  }

  private clearConnect(): void {
    if (this.connectTimer !== null) this.timers.clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}

/** A sync step 2 frame: message type 0 (sync), then sync type 1 (both one-byte var-uints). */
export function isSyncAnswer(frame: Uint8Array): boolean {
  return frame.length >= 2 && frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP_2;
}

/**
 * A sync step 1 with the whole state vector: the server answers with what we lack (little,
 * usually nothing), which proves the socket still carries frames both ways.
 */
export function stateQuery(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  return syncFrame(SYNC_STEP_1, Y.encodeStateVector(doc));
}
