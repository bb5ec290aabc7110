import { createClient } from 'redis';
import type { Logger } from '../log.ts';
import type { RoomBus, RoomBusHandlers, RoomChannel } from '../relay/room-bus.ts';
import {
  BusKind,
  decodeAccessChange,
  decodeBusMessage,
  encodeAccessChange,
  encodeBusMessage,
  MAX_BUS_MESSAGE_BYTES,
  newInstanceId,
} from './bus-message.ts';

export type RedisClient = ReturnType<typeof createClient>;

const ROOM_PREFIX = 'carton:room:';
/** Access changes (R67) concern every room: one channel for all processes. */
const CONTROL_CHANNEL = 'carton:control';

export interface RedisBusOptions {
  /** `redis://[user:password@]host:port[/db]`; its password is never logged. */
  url: string;
  log: Logger;
  /** How long `start` waits for Redis before serving anyway (the bus joins when it comes). */
  startTimeoutMs?: number;
  /**
   * How long a room waits for its subscription before loading anyway (default 3 s). Redis
   * reachable but not answering (paused, or a connection silently dropped by the network)
   * must not keep a board from opening; when the subscription comes, the room resyncs.
   */
  subscribeTimeoutMs?: number;
  /**
   * Most bytes of publishes awaiting Redis's reply (default 32 MiB). Past it nothing more is
   * published (storage has every update) until the backlog drains, then the rooms' resync
   * notices go out, as after an outage (R67): memory stays bounded while Redis stalls.
   */
  maxPendingPublishBytes?: number;
  /**
   * Each connection sends PING this often (default 5 s) and counts as lost after
   * `socketTimeoutMs` (default 15 s) without traffic: a connection a firewall or NAT dropped
   * silently raises no error, and the subscriber would miss every message without resyncing.
   */
  pingIntervalMs?: number;
  socketTimeoutMs?: number;
}

interface Subscription {
  handlers: Set<RoomBusHandlers>;
  ready: Promise<void>;
}

/** Counters for /metrics and tests. */
export interface BusMetrics {
  published: number;
  received: number;
  /** Updates too large for the bus, sent as a RESYNC notice instead (R63). */
  oversized: number;
  /** Messages not published because Redis was unreachable (R67: storage has them). */
  unpublished: number;
  /** Times the subscription came back after an outage (every loaded room resyncs, R67). */
  reconnections: number;
}

/**
 * R63–R67: the bus between relay processes over Redis pub/sub. One channel per loaded room
 * (`carton:room:<roomId>`), subscribed while the room is loaded; one control channel. Two
 * connections, since a subscribed connection cannot publish. Publishing never waits and never
 * queues while Redis is unreachable (bounded memory; storage has every update): when the
 * publisher comes back it asks the others to resync each loaded room, and when the subscriber
 * comes back (resubscribed) every loaded room here resyncs from storage.
 */
export class RedisBus implements RoomBus {
  readonly instanceId = newInstanceId();
  readonly metrics: BusMetrics = {
    published: 0,
    received: 0,
    oversized: 0,
    unpublished: 0,
    reconnections: 0,
  };
  readonly #pub: RedisClient;
  readonly #sub: RedisClient;
  readonly #log: Logger;
  readonly #password: string;
  readonly #rooms = new Map<string, Subscription>();
  readonly #accessListeners = new Set<(code: number, reason: string) => void>();
  readonly #remoteUpdateListeners = new Set<(roomId: string, bytes: number) => void>();
  /** Channels left while the subscriber was down: node-redis would resubscribe them. */
  readonly #leftWhileDown = new Set<string>();
  #down = false;
  #subReadyOnce = false;
  /** Resolves once the control channel is subscribed (the first time the subscriber is ready). */
  #controlReady: Promise<void>;
  #controlSubscribed: () => void = () => {};
  #closed = false;
  readonly #subscribeTimeoutMs: number;
  readonly #maxPendingBytes: number;
  /** Bytes of publishes sent and not yet answered by Redis. */
  #pendingBytes = 0;
  /** The backlog went over its bound: publishing stopped until it drains. */
  #backlogFull = false;

  constructor(options: RedisBusOptions) {
    this.#log = options.log;
    this.#subscribeTimeoutMs = options.subscribeTimeoutMs ?? 3_000;
    this.#maxPendingBytes = options.maxPendingPublishBytes ?? 32 * 1024 * 1024;
    const url = new URL(options.url);
    this.#password = decodeURIComponent(url.password);
    const common = {
      url: options.url,
      // Never queue commands while disconnected: storage holds the updates, memory stays bounded.
      disableOfflineQueue: true,
      socket: {
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
        socketTimeout: options.socketTimeoutMs ?? 15_000,
      },
      pingInterval: options.pingIntervalMs ?? 5_000,
    };
    this.#pub = createClient(common);
    this.#sub = createClient(common);
    this.#pub.on('error', (error: Error) => this.#outage(error));
    this.#sub.on('error', (error: Error) => this.#outage(error));
    this.#controlReady = new Promise((resolve) => (this.#controlSubscribed = resolve));
    this.#pub.on('ready', () => this.#publisherReady());
    this.#sub.on('ready', () => this.#subscriberReady());
  }

  /** Connects both clients; waits at most `startTimeoutMs` (then serves, and joins later). */
  static async start(options: RedisBusOptions): Promise<RedisBus> {
    const bus = new RedisBus(options);
    const connected = Promise.all([bus.#pub.connect(), bus.#sub.connect(), bus.#controlReady]);
    connected.catch(() => {}); // reported by the error handlers
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.startTimeoutMs ?? 5_000);
    });
    const outcome = await Promise.race([connected.then(() => 'ready' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') bus.#outage(new Error('Redis not reachable at start'));
    return bus;
  }

  /** Where Redis is, without credentials (for logs). */
  static describe(url: string): string {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  }

  /** The publishing connection, for plain commands (R31's shared connection counts). */
  get commands(): RedisClient {
    return this.#pub;
  }

  get isReady(): boolean {
    return this.#pub.isReady && this.#sub.isReady;
  }

  join(roomId: string, handlers: RoomBusHandlers): RoomChannel {
    const channel = ROOM_PREFIX + roomId;
    let subscription = this.#rooms.get(channel);
    if (!subscription) {
      subscription = { handlers: new Set(), ready: Promise.resolve() };
      this.#rooms.set(channel, subscription);
      subscription.ready = this.#subscribe(channel, subscription);
    }
    subscription.handlers.add(handlers);
    const { ready } = subscription;
    let left = false;
    return {
      ready,
      publishUpdate: (update) => {
        if (HEADER_LIMIT_OK(update)) this.#publish(channel, BusKind.UPDATE, update);
        else {
          // R63: too large for the bus; the others read it from storage.
          this.metrics.oversized++;
          this.#publish(channel, BusKind.RESYNC, null);
        }
      },
      publishAwareness: (update) => {
        if (HEADER_LIMIT_OK(update)) this.#publish(channel, BusKind.AWARENESS, update);
        else this.metrics.oversized++;
      },
      queryAwareness: () => this.#publish(channel, BusKind.QUERY_AWARENESS, null),
      leave: () => {
        if (left) return;
        left = true;
        this.#leave(channel, handlers);
      },
    };
  }

  accessChanged(code: number, reason: string): void {
    this.#publish(CONTROL_CHANNEL, BusKind.ACCESS_CHANGED, encodeAccessChange(code, reason));
  }

  /** R67: another process changed access; the listener checks this process's connections. */
  onAccessChanged(listener: (code: number, reason: string) => void): () => void {
    this.#accessListeners.add(listener);
    return () => this.#accessListeners.delete(listener);
  }

  /**
   * R30 with several processes: the size of each update another process appended to one of
   * the rooms loaded here, told before the room applies it, so the board's size counts it.
   */
  onRemoteUpdate(listener: (roomId: string, bytes: number) => void): () => void {
    this.#remoteUpdateListeners.add(listener);
    return () => this.#remoteUpdateListeners.delete(listener);
  }

  /**
   * Resolves once subscribed, or at once if the bus is down: when it comes back the channel is
   * subscribed and the room resyncs from storage, which covers whatever it missed (R67). If
   * Redis does not confirm within `subscribeTimeoutMs`, resolves anyway (the room loads), and
   * the room resyncs once the subscription is confirmed.
   */
  #subscribe(channel: string, subscription: Subscription): Promise<void> {
    if (!this.#sub.isReady) return Promise.resolve();
    let late = false;
    const subscribed = this.#sub.subscribe(channel, this.#onMessage, true).then(
      () => {
        if (!late || this.#rooms.get(channel) !== subscription) return;
        for (const handlers of subscription.handlers) handlers.resync('reconnected');
      },
      () => {},
    );
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        late = true;
        resolve();
      }, this.#subscribeTimeoutMs);
      timer.unref();
      void subscribed.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #leave(channel: string, handlers: RoomBusHandlers): void {
    const subscription = this.#rooms.get(channel);
    if (!subscription) return;
    subscription.handlers.delete(handlers);
    if (subscription.handlers.size > 0) return;
    this.#rooms.delete(channel);
    if (this.#closed) return;
    if (!this.#sub.isReady) this.#leftWhileDown.add(channel);
    this.#sub.unsubscribe(channel, this.#onMessage, true).catch(() => {});
  }

  #publish(channel: string, kind: BusKind, payload: Uint8Array | null): void {
    if (this.#closed) return;
    if (!this.#pub.isReady || this.#backlogFull) {
      this.metrics.unpublished++;
      return;
    }
    const message = encodeBusMessage(kind, this.instanceId, payload);
    if (this.#pendingBytes + message.byteLength > this.#maxPendingBytes) {
      // Redis connected but not answering: stop here rather than queue without end.
      this.metrics.unpublished++;
      this.#backlogFull = true;
      this.#outage(new Error('Redis is not answering publishes'));
      return;
    }
    this.metrics.published++;
    this.#pendingBytes += message.byteLength;
    this.#pub.publish(channel, message).then(
      () => this.#published(message.byteLength),
      (error: unknown) => {
        this.metrics.unpublished++;
        this.#published(message.byteLength);
        this.#outage(error as Error);
      },
    );
  }

  /** A publish was answered: once a full backlog has drained, the others resync (R67). */
  #published(bytes: number): void {
    this.#pendingBytes -= bytes;
    if (!this.#backlogFull || this.#pendingBytes > this.#maxPendingBytes / 2) return;
    this.#backlogFull = false;
    if (this.#pub.isReady) this.#publisherReady();
  }

  readonly #onMessage = (message: Buffer, channel: Buffer): void => {
    const decoded = decodeBusMessage(message, this.instanceId);
    if (!decoded) return;
    const name = channel.toString('utf8');
    const subscription = this.#rooms.get(name);
    if (!subscription) return;
    this.metrics.received++;
    if (decoded.kind === BusKind.UPDATE) {
      const roomId = name.slice(ROOM_PREFIX.length);
      for (const listener of this.#remoteUpdateListeners) {
        listener(roomId, decoded.payload.byteLength);
      }
    }
    for (const handlers of subscription.handlers) {
      switch (decoded.kind) {
        case BusKind.UPDATE:
          handlers.update(decoded.payload);
          break;
        case BusKind.AWARENESS:
          handlers.awareness(decoded.payload);
          break;
        case BusKind.QUERY_AWARENESS:
          handlers.queryAwareness();
          break;
        case BusKind.RESYNC:
          handlers.resync('requested');
          break;
      }
    }
  };

  readonly #onControl = (message: Buffer): void => {
    const decoded = decodeBusMessage(message, this.instanceId);
    if (decoded?.kind !== BusKind.ACCESS_CHANGED) return;
    const change = decodeAccessChange(decoded.payload);
    if (!change) return;
    for (const listener of this.#accessListeners) listener(change.code, change.reason);
  };

  /** R67: one warning per outage, not one per message; the password never appears. */
  #outage(error: Error): void {
    if (this.#closed || this.#down) return;
    this.#down = true;
    this.#log.warn('bus_down', { error: new Error(this.#hidePassword(error.message)) });
  }

  #back(): void {
    if (!this.#down || !this.isReady) return;
    this.#down = false;
    this.#log.info('bus_up', {});
  }

  /**
   * The publisher is back: what it could not publish meanwhile is in storage; every other
   * process with one of our rooms loaded reads it again (R67).
   */
  #publisherReady(): void {
    for (const channel of this.#rooms.keys()) this.#publish(channel, BusKind.RESYNC, null);
    this.#back();
  }

  /**
   * The subscriber is back. node-redis resubscribed what was subscribed before `ready`; the
   * channels of rooms loaded while it was down are subscribed now (a no-op for the others).
   * Then every loaded room merges the stored state, which holds what it missed (R67).
   */
  #subscriberReady(): void {
    if (this.#subReadyOnce) this.metrics.reconnections++;
    this.#subReadyOnce = true;
    const channels = [...this.#rooms.keys()];
    for (const channel of this.#leftWhileDown) {
      if (!this.#rooms.has(channel)) {
        this.#sub.unsubscribe(channel, this.#onMessage, true).catch(() => {});
      }
    }
    this.#leftWhileDown.clear();
    void Promise.all([
      this.#sub.subscribe(CONTROL_CHANNEL, this.#onControl, true),
      ...channels.map((channel) => this.#sub.subscribe(channel, this.#onMessage, true)),
    ]).then(
      () => {
        this.#controlSubscribed();
        for (const channel of channels) {
          for (const handlers of this.#rooms.get(channel)?.handlers ?? []) {
            handlers.resync('reconnected');
          }
        }
        this.#back();
      },
      // Lost again before the replies: the next `ready` does it all again.
      (error: unknown) => this.#outage(error as Error),
    );
  }

  #hidePassword(text: string): string {
    return this.#password === '' ? text : text.split(this.#password).join('[redacted]');
  }

  /** Stops both connections (after the relay closed its rooms, so their goodbyes went out). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([closeClient(this.#pub), closeClient(this.#sub)]);
  }
}

function HEADER_LIMIT_OK(payload: Uint8Array): boolean {
  return payload.byteLength + 17 <= MAX_BUS_MESSAGE_BYTES;
}

/** Lets pending commands finish for up to a second, then drops the connection. */
async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 1_000);
  });
  await Promise.race([client.close().catch(() => {}), late]);
  clearTimeout(timer);
  if (client.isOpen) client.destroy();
}
