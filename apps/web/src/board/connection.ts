// One board's Y.Doc, its local copy and its socket. Created outside React (StrictMode runs
// effects twice) and destroyed when the board page goes away.
//
// Offline first: the doc is kept in IndexedDB (one database per board), loaded before the socket
// opens, so edits made without a network survive a reload and go out when the socket is back.
// y-websocket reconnects by itself with backoff, except after a close the server marks as final
// (4400–4499, and 1009): then nothing retries until the person presses « Reconnecter ».
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { isLocalOrigin } from '@carton/board';
import { forgetBoardInfo } from '../offline/boardInfo';
import { sendOnlyOwnAwareness } from '../presence/ownAwareness';
import { PendingChanges } from '../offline/pending';
import type { LocalCopy } from '../offline/localCopy';
import { takeCopy } from '../offline/openingCopy';
import { flushOnLeave } from '../offline/flushOnLeave';
import { AnswerWatch, stateQuery, type WatchedSocket } from '../offline/answerWatch';
import { QueryBudget } from '../offline/queryBudget';
import { browserStore } from '../offline/storage';
import { ApiError, fetchBoardInfo, isForumDeleted, wsUrl } from './api';
import { OutgoingHold } from './outgoingHold';
import { nextStatus, type ConnectionStatus, type SocketState } from './status';
import { forgetBoardOnDevice } from '../offline/forgetBoard';
import {
  closeNotice,
  FORUM_DELETED_CLOSE as FORUM_DELETED,
  isFinalClose,
  type CloseNotice,
} from './statusNotices';
import {
  isStorageFailureClose,
  retriesAfterStorageFailure,
  STORAGE_QUIET_MS,
  storageTroubleShown,
} from './storageTrouble';

/** The local copy should load in a few ms; past this the socket opens without it. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;
/** After reconnecting, ask the server what it holds of our changes this often, this many times. */
const CONFIRM_RETRY_MS = 1500;
const CONFIRM_TRIES = 12;
/**
 * A refused upgrade (wrong or revoked token) reaches scripts only as 1006, like a network
 * failure, and the stock client would retry forever — draining the venue address's budget of
 * wrong tokens (R32) for everyone behind it. After this many attempts that never opened,
 * the link is checked over HTTP (and again every `ACCESS_RECHECK` attempts).
 */
const ACCESS_CHECK_AFTER = 3;
const ACCESS_RECHECK = 20;

export class BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly pending: PendingChanges;
  private local: LocalCopy | null;
  private socket: SocketState = 'disconnected';
  private notice: CloseNotice | null = null;
  private catchingUp = false;
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;
  private confirmTries = 0;
  /** The relay answers only so many queries a socket (R29b): asked within that. */
  private readonly queries = new QueryBudget(performance.now());
  private listeners = new Set<() => void>();
  private current: ConnectionStatus = 'syncing';
  private destroyed = false;
  private localHasContent = false;
  private failedAttempts = 0;
  /** When the server last closed us because it could not store (4501, a full disk), or null. */
  private storageFailedAt: number | null = null;
  private storageTimer: ReturnType<typeof setTimeout> | null = null;
  private storageTrouble = false;
  private readonly localLoaded: Promise<void>;
  /** Called when a session takes this connection: the copy's wait is counted from then. */
  private markTaken: () => void = () => undefined;
  private readonly restoreAwarenessHandler: () => void;
  private readonly stopFlushOnLeave = flushOnLeave(() => this.flushLocal());
  /** Drops a socket that stopped carrying frames (dead venue wifi, a phone waking up). */
  private readonly answers = new AnswerWatch((socket) => this.dropSocket(socket));
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.probe();
  };
  private readonly onOnline = () => {
    if (!this.notice) this.provider.connect();
    this.update();
  };
  private readonly onOffline = () => {
    // The browser knows the network is gone: stop talking to a dead socket, keep editing locally.
    this.flushLocal();
    this.provider.disconnect();
    this.update();
  };

  /**
   * `early`: opened as the page starts (openConnectionEarly), before a session takes it; its
   * wait for the copy on this device is counted from when the session takes it (take()).
   */
  constructor(
    readonly boardId: string,
    readonly token: string,
    early = false,
  ) {
    // The copy on this device, most often loading since the page started (openingCopy.ts).
    const copy = takeCopy(boardId);
    copy.live = () => this.socket === 'connected';
    this.doc = copy.doc;
    this.local = copy.local;
    this.provider = new WebsocketProvider(wsUrl('/sync'), boardId, this.doc, {
      params: { token },
      // Tabs share updates only through the server, which checks each token.
      disableBc: true,
      connect: false,
    });
    this.provider.shouldReconnect = (event) => !isFinalClose(event.code);
    // The stock provider re-sends every remote presence it applies: send only our own.
    this.restoreAwarenessHandler = sendOnlyOwnAwareness(this.provider);
    // No presence until the session's (presence/publisher.ts) — an early socket, open while the
    // person types their name, shows the others no one; the stock provider starts with {}.
    this.provider.awareness.setLocalState(null);
    this.pending = new PendingChanges(
      this.doc,
      browserStore(),
      `carton.pending.${boardId}`,
      isLocalOrigin,
    );
    this.provider.on('status', ({ status }: { status: SocketState }) => {
      this.socket = status;
      // The local copy may hold updates back only while the server gets them live.
      if (status !== 'connected') this.flushLocal();
      if (status === 'connecting' && this.provider.ws) this.answers.connecting(this.provider.ws);
      if (status === 'connected') {
        this.answers.opened();
        this.failedAttempts = 0;
        this.watchSocket();
      }
      this.update();
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      this.answers.closed();
      if (event !== null && isStorageFailureClose(event.code)) {
        this.noteStorageFailure();
        // Emitted before the provider counts this close and picks its delay: a slow retry.
        this.provider.wsUnsuccessfulReconnects = retriesAfterStorageFailure(
          this.provider.wsUnsuccessfulReconnects,
        );
      }
      // Emitted before « disconnected »: `socket` still says whether this attempt ever opened.
      if (event === null || this.socket === 'connected' || !navigator.onLine) return;
      this.failedAttempts++;
      // The provider stays « connecting » between its attempts: say « hors ligne » now.
      this.update();
      if (
        this.failedAttempts === ACCESS_CHECK_AFTER ||
        this.failedAttempts % ACCESS_RECHECK === 0
      ) {
        this.checkAccess(token);
      }
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.confirmSoon(50);
      this.update();
    });
    this.provider.on('closed', ({ code }: { code: number }) => {
      this.notice = closeNotice(code) ?? { code, key: 'refused', action: 'reconnect' };
      if (code === FORUM_DELETED) this.forgetOnDevice();
      this.update(true);
    });
    this.pending.subscribe(() => {
      if (this.pending.count() === 0) this.catchingUp = false;
      this.update(true);
    });
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!isLocalOrigin(transaction.origin)) return;
      this.confirmTries = 0;
      this.confirmSoon(1000);
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onVisibility);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const taken = new Promise<void>((resolve) => (this.markTaken = resolve));
    if (!early) this.markTaken();
    this.localLoaded = Promise.race([
      copy.loaded.then((hasContent) => {
        this.localHasContent = hasContent;
      }),
      taken.then(
        () => new Promise<void>((resolve) => (timer = setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS))),
      ),
    ]).finally(() => clearTimeout(timer));
    void this.localLoaded.then(() => {
      if (this.destroyed) return;
      if (navigator.onLine) this.provider.connect();
      this.update();
    });
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  /** Why the server closed the connection for good, or null. */
  get closeNotice(): CloseNotice | null {
    return this.notice;
  }

  /**
   * Resolves once the board's content is known: the local copy is loaded with something in it
   * (offline, that is all there is), or the first sync with the server is done.
   */
  whenSynced(): Promise<void> {
    if (this.provider.synced || this.localHasContent) return Promise.resolve();
    return new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
      this.localLoaded.then(() => {
        if (!this.localHasContent) return;
        this.provider.off('sync', onSync);
        resolve();
      });
    });
  }

  /** A session takes this connection opened early: from now on it waits for the copy 3 s at most. */
  take(): this {
    this.markTaken();
    return this;
  }

  /** Tries again after a final close, when the person asks for it. */
  reconnect(): void {
    this.notice = null;
    this.provider.connect();
    this.update(true);
  }

  /**
   * Keeps this page's changes from the server until the hold is released, then sends them as one
   * update (outgoingHold.ts): an import written in several steps reaches the others whole.
   */
  holdOutgoing(): OutgoingHold {
    return new OutgoingHold(this.provider, this.local, this.pending.asOneChange());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): ConnectionStatus => this.current;
  getCloseNotice = (): CloseNotice | null => this.notice;
  getPendingCount = (): number => this.pending.count();
  /** The server cannot store changes for now (4501): they are kept here and resent. */
  getStorageTrouble = (): boolean => this.storageTrouble;

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopFlushOnLeave();
    this.answers.stop();
    if (this.confirmTimer) clearTimeout(this.confirmTimer);
    if (this.storageTimer) clearTimeout(this.storageTimer);
    this.listeners.clear();
    this.pending.destroy();
    this.restoreAwarenessHandler();
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
  }

  /** Stores what the local copy and the pending count hold back (see offline/updateBatch.ts). */
  private flushLocal(): void {
    this.local?.flush();
    this.pending.flush();
  }

  /** Stops retrying when the server says the link no longer opens this board. */
  private checkAccess(token: string): void {
    fetchBoardInfo(this.boardId, token).catch((error: unknown) => {
      if (this.destroyed || !(error instanceof ApiError)) return;
      const deleted = isForumDeleted(error);
      if (!deleted && error.status !== 401 && error.status !== 403 && error.status !== 404) return;
      forgetBoardInfo(this.boardId, token);
      this.provider.disconnect();
      this.notice = closeNotice(deleted ? FORUM_DELETED : 4403);
      if (deleted) this.forgetOnDevice();
      this.update(true);
    });
  }

  /**
   * The forum was deleted from the server (4410): the board's copy on this device, its kept
   * changes and its remembered info are erased too — there is nowhere to send them any more.
   */
  private forgetOnDevice(): void {
    const local = this.local;
    this.local = null;
    this.pending.destroy();
    void (local ? local.clear() : Promise.resolve())
      .catch(() => undefined)
      .then(() => forgetBoardOnDevice(this.boardId));
  }

  /** Reads the server's frames (besides the provider) to learn what it has stored. */
  private watchSocket(): void {
    const ws = this.provider.ws;
    if (!ws) return;
    this.catchingUp = this.pending.count() > 0;
    this.confirmTries = 0;
    // A new socket, a new budget at the relay; the provider's own opening query takes one.
    this.queries.reset(performance.now());
    this.queries.take(performance.now());
    ws.addEventListener('message', (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer) {
        const bytes = new Uint8Array(event.data);
        if (this.provider.ws === ws) this.answers.heard(bytes);
        this.pending.observeServerFrame(bytes);
      }
    });
  }

  /** On waking (a phone's screen back on): ask the server something to learn the socket lives. */
  private probe(): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return;
    // Past the relay's budget it would go unanswered, and the socket be dropped as dead.
    if (!this.queries.take(performance.now())) return;
    ws.send(stateQuery(this.doc));
    this.answers.expectAnswer(ws);
  }

  /**
   * Closes a dead socket the way the provider closes a silent one: its close handler runs at
   * once (a real close() on a dead link waits for a handshake that never comes), the status
   * says « hors ligne » and the provider dials again with its backoff.
   */
  private dropSocket(socket: WatchedSocket): void {
    const ws = this.provider.ws;
    if (this.destroyed || ws !== socket) return;
    ws.dispatchEvent(new CloseEvent('close', { code: 1006, reason: 'no answer' }));
  }

  private confirmSoon(delayMs: number): void {
    if (this.confirmTimer || this.destroyed) return;
    this.confirmTimer = setTimeout(() => {
      this.confirmTimer = null;
      const ws = this.provider.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return;
      const query = this.pending.confirmationQuery();
      if (!query) return;
      // Within the relay's budget of queries: past it a query goes unanswered, and the socket
      // was dropped as dead (« hors ligne » every 20–30 s while someone wrote steadily).
      const wait = this.queries.waitMs(performance.now());
      if (wait > 0) return this.confirmSoon(wait);
      this.queries.take(performance.now());
      ws.send(query);
      this.answers.expectAnswer(ws);
      // The server may answer before it has stored a batch it just received: ask again.
      if (this.confirmTries++ < CONFIRM_TRIES) this.confirmSoon(CONFIRM_RETRY_MS);
      else if (this.catchingUp) {
        this.catchingUp = false;
        this.update();
      }
    }, delayMs);
  }

  /** A 4501 close: said until the kept changes are stored and the server stays quiet a while. */
  private noteStorageFailure(): void {
    this.storageFailedAt = Date.now();
    if (this.storageTimer) clearTimeout(this.storageTimer);
    this.storageTimer = setTimeout(() => {
      this.storageTimer = null;
      this.update();
    }, STORAGE_QUIET_MS + 50);
    this.update();
  }

  private update(force = false): void {
    const trouble = storageTroubleShown(this.storageFailedAt, Date.now(), this.pending.count());
    if (!trouble) this.storageFailedAt = null;
    if (trouble !== this.storageTrouble) {
      this.storageTrouble = trouble;
      force = true;
    }
    const next = nextStatus(
      {
        socket: this.socket,
        synced: this.provider.synced,
        online: navigator.onLine,
        closedByServer: this.notice !== null,
        catchingUp: this.catchingUp,
        unanswered: this.failedAttempts > 0,
      },
      this.current,
    );
    if (next === this.current && !force) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The connection opened as a board link's page starts (app/boardStart.ts), once the server has
 * accepted the link, until the board's session takes it. Opened by the session, the socket
 * waited for the board's code, the page's first render and the person's name: on a phone at the
 * venue its round trips came after the first frame, and the board's content with them.
 */
let early: BoardConnection | null = null;

type CreateConnection = (boardId: string, token: string, early: boolean) => BoardConnection;
const createConnection: CreateConnection = (boardId, token, isEarly) =>
  new BoardConnection(boardId, token, isEarly);

/** Opens a board's connection before its session exists (its link was just accepted). */
export function openConnectionEarly(
  boardId: string,
  token: string,
  create: CreateConnection = createConnection,
): void {
  if (early?.boardId === boardId && early.token === token) return;
  early?.destroy();
  early = create(boardId, token, true);
}

/** The connection opened early for this board and link (once: one socket), else a new one. */
export function takeConnection(
  boardId: string,
  token: string,
  create: CreateConnection = createConnection,
): BoardConnection {
  const taken = early;
  early = null;
  if (taken?.boardId === boardId && taken.token === token) return taken.take();
  taken?.destroy();
  return create(boardId, token, false);
}

/** Closes the early connection of a board page that went away before a session took it. */
export function dropEarlyConnection(boardId: string): void {
  if (early?.boardId !== boardId) return;
  early.destroy();
  early = null;
}
