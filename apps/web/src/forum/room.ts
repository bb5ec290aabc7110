// The forum room (`forum:<forumId>`): the day's timer, spotlight and votes, read only through the
// model's readers, plus the facilitator's spotlight camera in awareness. One per page.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  forumRoomName,
  observeForum,
  readSpotlight,
  readTimer,
  readCompilation,
  readVotes,
  type SpotlightState,
  type TimerState,
  type VoteState,
} from '@carton/board';
import { wsUrl } from '../board/api';
import { FORUM_DELETED_CLOSE } from '../board/statusNotices';
import {
  isStorageFailureClose,
  STORAGE_QUIET_MS,
  storageTroubleShown,
} from '../board/storageTrouble';
import { sendOnlyOwnAwareness } from '../presence/ownAwareness';
import { takeClockOffset } from './api';
import { keepUnchanged } from './keepUnchanged';

export interface SpotlightCamera {
  boardId: string;
  /** World point at the centre of the facilitator's view. */
  x: number;
  y: number;
  zoom: number;
  /** How much of the board her view holds, in world units (followView.ts); absent from older pages. */
  width?: number;
  height?: number;
}

export interface ForumSnapshot {
  timer: TimerState | null;
  spotlight: SpotlightState | null;
  votes: readonly VoteState[];
  /**
   * When « Les incontournables » last changed (a merge, an idea set aside): a closed vote's
   * ranking by idea follows the merges, so it is fetched again.
   */
  compiledAt: number | null;
  camera: SpotlightCamera | null;
  /** 4403: this page's link was replaced. */
  revoked: boolean;
  /** The forum room's socket, as the facilitator page tells it (`forumConnection`). */
  connection: ForumConnection;
  /**
   * The room's state has come once (its first sync): `votes` are the forum's, not the empty
   * document's. `connection` is `connected` as the socket opens, before that state.
   */
  synced: boolean;
}

/**
 * `connecting` until the first sync, then `connected`; `lost` when the socket drops after that
 * (the provider keeps trying: it comes back `connected`); `revoked` for good on 4403; `deleted`
 * for good on 4410 (the facilitators deleted the forum from the server);
 * `storage` when the server cannot store (4501, a full disk — server R69), see shownConnection.
 */
export type ForumConnection =
  'connecting' | 'connected' | 'lost' | 'revoked' | 'deleted' | 'storage';

/** Close codes after which the forum's room never comes back (the provider stops). */
const FINAL_CLOSES: Readonly<Record<number, ForumConnection>> = {
  4403: 'revoked',
  [FORUM_DELETED_CLOSE]: 'deleted',
};

/** A state no socket event changes any more. */
const isFinal = (state: ForumConnection): boolean => state === 'revoked' || state === 'deleted';

/**
 * What the banner says, from the socket's state and the last 4501 close (null if none): the
 * server could not store a change of the forum's (the facilitator's timer, a vote…), so its
 * room closed — not « connexion perdue », which would send people checking the wifi. As on a
 * board with nothing kept (board/storageTrouble.ts), it lasts STORAGE_QUIET_MS past the last
 * refusal, so the reconnection right after does not hide it at once. A replaced link, or a
 * deleted forum, wins.
 */
export function shownConnection(
  socket: ForumConnection,
  storageFailedAt: number | null,
  now: number,
): ForumConnection {
  if (isFinal(socket)) return socket;
  return storageTroubleShown(storageFailedAt, now, 0) ? 'storage' : socket;
}

/** The next connection state from the provider's status (pure, tested beside). */
export function nextConnection(
  current: ForumConnection,
  status: 'connected' | 'connecting' | 'disconnected',
): ForumConnection {
  if (isFinal(current)) return current;
  if (status === 'connected') return 'connected';
  return current === 'connecting' ? 'connecting' : 'lost';
}

function isCamera(value: unknown): value is SpotlightCamera {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['boardId'] === 'string' &&
    Number.isFinite(c['x']) &&
    Number.isFinite(c['y']) &&
    typeof c['zoom'] === 'number' &&
    c['zoom'] > 0
  );
}

/**
 * The room's document and the others' awareness as a snapshot, each part still `previous`'s
 * object when unchanged (keepUnchanged): an awareness change (the spotlight camera) or a dot on
 * one vote leaves the other votes, the timer and the spotlight the objects they were.
 */
export function readForumSnapshot(
  doc: Y.Doc,
  states: ReadonlyMap<number, unknown>,
  previous?: Pick<ForumSnapshot, 'timer' | 'spotlight' | 'votes' | 'camera'>,
): Pick<ForumSnapshot, 'timer' | 'spotlight' | 'votes' | 'compiledAt' | 'camera'> {
  let camera: SpotlightCamera | null = null;
  for (const [clientId, state] of states) {
    if (clientId === doc.clientID) continue;
    const candidate = (state as Record<string, unknown>)['spotlightCamera'];
    if (isCamera(candidate)) camera = candidate;
  }
  const next = {
    timer: readTimer(doc),
    spotlight: readSpotlight(doc),
    votes: readVotes(doc),
    camera,
  };
  return {
    ...(previous
      ? keepUnchanged(
          {
            timer: previous.timer,
            spotlight: previous.spotlight,
            votes: previous.votes,
            camera: previous.camera,
          },
          next,
        )
      : next),
    compiledAt: readCompilation(doc)?.updatedAt ?? null,
  };
}

export class ForumRoom {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Server time minus this device's clock (F3). */
  offsetMs = 0;
  private snapshot: ForumSnapshot;
  /** The socket's own state (nextConnection); the snapshot's is what the banner says. */
  private socket: ForumConnection = 'connecting';
  private storageFailedAt: number | null = null;
  private storageQuiet: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly stopObserving: () => void;
  private readonly restoreAwarenessHandler: () => void;

  constructor(
    readonly forumId: string,
    token: string,
  ) {
    this.provider = new WebsocketProvider(wsUrl('/sync'), forumRoomName(forumId), this.doc, {
      params: { token },
      disableBc: true,
    });
    // The stock provider re-sends every remote presence it applies: send only our own.
    this.restoreAwarenessHandler = sendOnlyOwnAwareness(this.provider);
    this.snapshot = this.read(false, 'connecting');
    this.stopObserving = observeForum(this.doc, this.refresh);
    this.provider.awareness.on('change', this.refresh);
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      const final = event ? FINAL_CLOSES[event.code] : undefined;
      if (final) {
        this.provider.shouldConnect = false;
        this.socket = final;
        this.snapshot = { ...this.snapshot, revoked: final === 'revoked', connection: final };
        this.emit();
      } else if (event && isStorageFailureClose(event.code)) {
        this.storageFailedAt = Date.now();
        if (this.storageQuiet !== null) clearTimeout(this.storageQuiet);
        this.storageQuiet = setTimeout(this.showConnection, STORAGE_QUIET_MS);
        this.showConnection();
      }
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced || this.snapshot.synced) return;
      this.snapshot = { ...this.snapshot, synced: true };
      this.emit();
    });
    this.provider.on('status', ({ status }) => {
      this.socket = nextConnection(this.socket, status);
      this.showConnection();
    });
    // Most often asked for as the board's page started (app/boardStart.ts).
    void takeClockOffset().then(
      (offsetMs) => {
        this.offsetMs = offsetMs;
        this.emit();
      },
      () => undefined,
    );
  }

  /** Server time now, by this device's clock corrected with the offset. */
  serverNow(): number {
    return Date.now() + this.offsetMs;
  }

  private read(revoked: boolean, connection: ForumConnection): ForumSnapshot {
    const read = readForumSnapshot(this.doc, this.provider.awareness.getStates(), this.snapshot);
    return { ...read, revoked, connection, synced: this.snapshot?.synced ?? false };
  }

  private readonly showConnection = () => {
    const connection = shownConnection(this.socket, this.storageFailedAt, Date.now());
    if (connection === this.snapshot.connection) return;
    this.snapshot = { ...this.snapshot, connection };
    this.emit();
  };

  private readonly refresh = () => {
    this.snapshot = this.read(this.snapshot.revoked, this.snapshot.connection);
    this.emit();
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ForumSnapshot => this.snapshot;

  /** The facilitator's camera for « Tout le monde vers moi » (null stops publishing it). */
  publishCamera(camera: SpotlightCamera | null): void {
    this.provider.awareness.setLocalStateField('spotlightCamera', camera);
  }

  destroy(): void {
    if (this.storageQuiet !== null) clearTimeout(this.storageQuiet);
    this.stopObserving();
    this.provider.awareness.off('change', this.refresh);
    // The provider's destroy takes its own handler off the awareness: put it back first.
    this.restoreAwarenessHandler();
    this.provider.destroy();
    this.doc.destroy();
  }
}
