import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from 'ws';
import { FORUM_ROOM_PREFIX } from '@carton/board';
import {
  canWrite,
  resolveBoardAccess,
  resolveForumMemberAccess,
  type AccessDenied,
} from '../forums/access.ts';
import { LINK_REVOKED } from '../forums/links.ts';
import { hashToken, isWellFormedToken } from '../forums/tokens.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import type { JoinDecision, JoinGuard } from '../limits/board-guard.ts';
import { HOST_NOT_ALLOWED } from '../limits/host.ts';
import type { PreAuthBudget } from '../limits/pre-auth.ts';
import type { Logger } from '../log.ts';
import { CloseCode } from '../relay/protocol.ts';
import type { ConnectionTags, Relay } from '../relay/relay.ts';
import type { WebSocketLike } from '../relay/websocket-like.ts';
import { StorageRetryHold } from '../storage/retry-hold.ts';
import type { StorageHealth } from '../storage/storage-health.ts';
import { socketAddress } from './client-address.ts';
import { messageSizes, type MessageSizes } from './message-size.ts';
import { errorBody, STORAGE_UNAVAILABLE } from './errors.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface UpgradeDeps {
  relay: Relay;
  forums: ForumStore;
  log: Logger;
  maxMessageBytes: number;
  /** R28: the largest message a writer may send before its catch-up (catchUpMessageBytes). */
  catchUpMessageBytes?: number;
  maxFragments: number;
  /** Interval of WebSocket pings; a peer that misses one is terminated. */
  pingIntervalMs?: number;
  /** R32: per-address budget before the token is known. */
  preAuth: PreAuthBudget;
  /** R33: whether a browser page of this Origin may open a socket. */
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
  /** R33b: whether this Host names the server (DNS rebinding). */
  hostAllowed: (host: string | undefined) => boolean;
  /** R31: connections and joins per board (with several processes, counted in Redis). */
  boardGuard: JoinGuard;
  /**
   * R69: whether storage takes writes. While it fails, a token lookup that fails for it answers
   * 503 `storage_unavailable` (as the routes do) and is said once by `storage_failing`, not once
   * per reconnecting client; and a client closed with 4501 is held a moment before it retries.
   */
  storageHealth?: StorageHealth;
}

const SYNC_PATH = /^\/sync\/([^/]+)$/;

/**
 * Accepts `WS /sync/:boardId?token=…`. The token is checked before the handshake completes: a
 * refused request gets an HTTP error response and its TCP socket is destroyed, so no WebSocket
 * ever exists for it (R18).
 */
export function attachSyncUpgrade(server: Server, deps: UpgradeDeps) {
  // `maxFragments` exists in ws 8.23 but not yet in @types/ws.
  const sizes = messageSizes(
    {
      maxMessageBytes: deps.maxMessageBytes,
      catchUpMessageBytes: deps.catchUpMessageBytes ?? deps.maxMessageBytes,
    },
    deps.log,
  );
  const options: ServerOptions & { maxFragments: number } = {
    noServer: true,
    // Each socket's own limit is set as it opens (message-size.ts): this is the largest.
    maxPayload: sizes.serverMax,
    maxFragments: deps.maxFragments,
    // Compression costs CPU on every frame and opens zip-bomb questions: off.
    perMessageDeflate: false,
    clientTracking: true,
  };
  const wss = new WebSocketServer(options);
  const alive = new WeakSet<WebSocket>();
  const health = deps.storageHealth ?? null;
  const retryHold = health ? new StorageRetryHold(health) : null;

  // R32: one line per address while it stays throttled, not one per refused attempt (a script
  // hammering sockets wrote a line per attempt: 394 lines for one client's 500 attempts).
  const throttledAddresses = new Set<string>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => deps.log.debug('upgrade_socket_error', { error }));
    const ip = socketAddress(request.socket); // R32c: an IPv6 client by its /64
    const wait = deps.preAuth.upgradeAttempt(ip);
    if (wait !== null) {
      if (!throttledAddresses.has(ip)) {
        // Bounded as the budgets are (R32: 10 000 addresses).
        if (throttledAddresses.size >= 10_000) throttledAddresses.clear();
        throttledAddresses.add(ip);
        deps.log.info('upgrade_throttled', { ip });
      }
      reject(socket, 429, 'too_many_requests', 'Too many connection attempts; wait.', {
        'Retry-After': String(wait),
      });
      return;
    }
    throttledAddresses.delete(ip);
    if (!deps.hostAllowed(request.headers.host)) {
      const { status, code, message } = HOST_NOT_ALLOWED;
      reject(socket, status, code, message);
      return;
    }
    if (!deps.originAllowed(request.headers.origin, request.headers.host)) {
      deps.log.info('upgrade_refused', { status: 403, code: 'origin_not_allowed' });
      reject(socket, 403, 'origin_not_allowed', 'Pages of this origin may not connect.');
      return;
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://carton.invalid');
    } catch {
      reject(socket, 400, 'bad_request', 'The request URL is not valid.');
      return;
    }
    const match = SYNC_PATH.exec(url.pathname);
    if (!match || request.headers.upgrade?.toLowerCase() !== 'websocket') {
      reject(socket, 404, 'not_found', 'WebSocket endpoint is /sync/:boardId.');
      return;
    }
    let boardId: string;
    try {
      boardId = decodeURIComponent(match[1]!);
    } catch {
      reject(socket, 404, 'board_not_found', 'No such board.');
      return;
    }
    const token = url.searchParams.get('token');
    // The token lookup may take a while (an async ForumStore). No handshake is answered before
    // it ends, so a client sends no frame yet; bytes that come anyway are kept, unparsed, and
    // handed to ws with `head` once the token is accepted — never read as frames before, never
    // lost. Reading (not leaving them in the socket) is what shows a peer that ends or closes
    // meanwhile: such a socket is dropped and never reaches a room.
    const early: Buffer[] = [];
    let earlyBytes = head.byteLength;
    let gone = false;
    const onData = (chunk: Buffer) => {
      earlyBytes += chunk.byteLength;
      deps.log.debug('upgrade_early_bytes', { board: boardId, bytes: chunk.byteLength });
      if (earlyBytes > deps.maxMessageBytes) socket.destroy();
      else early.push(chunk);
    };
    const onGone = () => {
      gone = true;
    };
    // A peer that ends its side before the handshake has given up: free the socket at once.
    const onEnd = () => {
      gone = true;
      socket.destroy();
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onGone);
    /** Stops reading; whether the socket is still there to answer. */
    const settled = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onGone);
      socket.pause();
      // As the HTTP server left it: neither flowing nor paused, so ws's 'data' listener resumes
      // it (a paused socket would stay silent).
      (socket as unknown as { readableFlowing: boolean | null }).readableFlowing = null;
      if (!gone && !socket.destroyed && socket.writable) return true;
      deps.log.debug('upgrade_abandoned', { board: boardId });
      socket.destroy();
      return false;
    };
    // R69: back less than 2.4 s after its socket here was closed for storage: wait the rest.
    const place = `${boardId}\n${ip}`;
    const held = retryHold?.hold(place) ?? null;
    if (held && held.waitMs > 0) {
      deps.log.debug('upgrade_held', { board: boardId, waitMs: held.waitMs });
    }
    (held?.done ?? Promise.resolve())
      .then(() => resolveRoom(deps, boardId, token))
      .then(async (resolved) => {
        // R31, before the handshake (the count may be asked of Redis): not the forum room (F2).
        const join =
          resolved.ok && !resolved.forumRoom ? await deps.boardGuard.join(resolved.board.id) : null;
        return { resolved, join };
      })
      .then(
        ({ resolved, join }) => {
          if (!resolved.ok && resolved.code === 'invalid_token') deps.preAuth.badToken(ip);
          if (!settled()) {
            if (join?.ok) join.release();
            return;
          }
          if (!resolved.ok) {
            deps.log.info('upgrade_refused', {
              board: boardId,
              status: resolved.status,
              code: resolved.code,
            });
            reject(socket, resolved.status, resolved.code, resolved.message);
            return;
          }
          const stillValid = async () => (await resolveRoom(deps, boardId, token)).ok;
          // The place is freed when the TCP socket closes, even if ws refuses the handshake.
          if (join?.ok) socket.once('close', join.release);
          const storageClosed = retryHold ? () => retryHold.closed(place) : null;
          accept(request, socket, Buffer.concat([head, ...early]), resolved, stillValid, join, {
            storageClosed,
          });
        },
        (error: unknown) => {
          // R69: storage failing (PostgreSQL down): `storage_failing` says it once, the
          // outage's first line; each reconnecting client's lookup is a debug line.
          if (health?.failed(error, 'upgrade') != null) {
            deps.log.debug('upgrade_lookup_failed', { board: boardId, error: error as Error });
            if (settled()) {
              const { status, code, message } = STORAGE_UNAVAILABLE;
              reject(socket, status, code, message);
            }
            return;
          }
          deps.log.error('upgrade_lookup_failed', { board: boardId, error: error as Error });
          if (settled()) {
            reject(socket, 500, 'internal_error', 'Something went wrong on the server.');
          }
        },
      );
  });

  const accept = (
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    access: RoomAccess,
    stillValid: () => Promise<boolean>,
    join: JoinDecision | null,
    hooks: { storageClosed: (() => void) | null },
  ) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      // R31: refused joins get their socket, closed at once with a code the client can explain.
      // F2: not the forum room, which every participant joins beside their board (and where
      // only facilitators write): a 44xx there would stop the timer for good on that screen.
      if (join && !join.ok) {
        deps.log.warn('limit_exceeded', { board: access.board.id, limit: join.limit });
        ws.close(join.code, join.reason);
        return;
      }
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      sizes.opened(ws, access.canWrite);
      try {
        const connection = deps.relay.connect(
          adapt(ws, hooks.storageClosed, sizes),
          { boardId: access.board.id, role: access.role, canWrite: access.canWrite },
          access.tags,
        );
        deps.log.debug('connection_opened', {
          connection: connection.id,
          board: access.board.id,
          role: access.role,
        });
        // L3, R56: a removal or a replaced link committed during the lookup closed the sockets
        // of its links before this one existed. Such writes commit before they close sockets,
        // so a lookup made now that the connection exists sees them: look once more.
        stillValid().then(
          (valid) => {
            if (valid || !connection.isOpen) return;
            deps.log.info('link_revoked_at_connect', { board: access.board.id });
            connection.close(LINK_REVOKED.code, LINK_REVOKED.reason);
          },
          (error: unknown) => {
            // R69: storage failing meanwhile is said once by `storage_failing`.
            const quiet = health?.failed(error, 'upgrade') != null;
            deps.log[quiet ? 'debug' : 'warn']('connect_recheck_failed', {
              board: access.board.id,
              error: error as Error,
            });
          },
        );
      } catch (error) {
        deps.log.error('connect_failed', { board: access.board.id, error: error as Error });
        ws.close(1011, 'internal error');
      }
    });
  };

  // Dead peers (phone asleep, wifi gone) never send a close: ping, and drop those that missed one.
  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, deps.pingIntervalMs ?? 30_000);
  ping.unref();

  return {
    wss,
    /** Forcibly ends every socket (after the relay closed them politely). */
    terminateAll(): void {
      clearInterval(ping);
      for (const ws of wss.clients) ws.terminate();
    },
    close(): Promise<void> {
      clearInterval(ping);
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

interface RoomAccess {
  ok: true;
  board: { id: string };
  role: string;
  canWrite: boolean;
  forumRoom: boolean;
  tags: ConnectionTags;
}

/**
 * A board room (R18, P1) or a forum's room `forum:<forumId>` (F2): any token of the forum
 * reads it, only the facilitator's writes; others' presence is dropped.
 */
async function resolveRoom(
  deps: UpgradeDeps,
  roomId: string,
  token: string | null,
): Promise<RoomAccess | AccessDenied> {
  const tokenHash = token && isWellFormedToken(token) ? hashToken(token).toString('hex') : '';
  if (roomId.startsWith(FORUM_ROOM_PREFIX)) {
    const forumId = roomId.slice(FORUM_ROOM_PREFIX.length);
    const member = await resolveForumMemberAccess(deps.forums, forumId, token);
    if (!member.ok) return member;
    const facilitator = member.grant.role === 'facilitator';
    return {
      ok: true,
      board: { id: roomId },
      role: member.grant.role,
      canWrite: facilitator,
      forumRoom: true,
      tags: { tokenHash, forumId, dropAwareness: !facilitator },
    };
  }
  const access = await resolveBoardAccess(deps.forums, roomId, token);
  if (!access.ok) return access;
  return {
    ok: true,
    board: access.board,
    role: access.role,
    canWrite: canWrite(access.role),
    forumRoom: false,
    tags: { tokenHash, forumId: access.board.forumId },
  };
}

function reject(
  socket: Duplex,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorBody(code, message));
  const headers = { ...SECURITY_HEADERS, ...extraHeaders };
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
  // end() flushes the response; destroy soon after in case the peer never closes its side.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * The `ws` socket as the relay's WebSocketLike. `storageClosed` hears of a close for storage
 * (4501), so the client's next try is held a moment (StorageRetryHold).
 */
function adapt(
  ws: WebSocket,
  storageClosed: (() => void) | null,
  sizes: MessageSizes,
): WebSocketLike {
  return {
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    send: (data) => ws.send(data),
    close: (code, reason) => {
      if (code === CloseCode.STORAGE_FAILURE) storageClosed?.();
      ws.close(code, reason);
    },
    onMessage: (listener) =>
      ws.on('message', (data: RawData, isBinary: boolean) => {
        const bytes = toBytes(data);
        sizes.seen(ws, bytes);
        listener(bytes, isBinary);
      }),
    onClose: (listener) => ws.on('close', (code: number) => listener(code)),
    onError: (listener) => ws.on('error', (error: Error) => listener(error)),
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
