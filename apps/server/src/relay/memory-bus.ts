// Test support for the relay's unit tests only: production code never imports this file.
import type { MemoryNetwork } from './memory-socket.ts';
import type { RoomBus, RoomBusHandlers, RoomChannel } from './room-bus.ts';

/**
 * An in-memory bus joining several relays of one test (R63–R67), as the Redis bus joins
 * processes: messages go to the other buses only, through the test's MemoryNetwork (so
 * `network.idle()` waits for them too), in order per publisher. `hold()` keeps messages in
 * flight until `release()`; `outage()` drops them until `restore()`.
 */
export class MemoryBusHub {
  readonly #buses = new Set<MemoryBus>();
  readonly #network: MemoryNetwork;
  #held: Array<() => void> | null = null;
  #down = false;

  constructor(network: MemoryNetwork) {
    this.#network = network;
  }

  bus(): MemoryBus {
    const bus = new MemoryBus(this);
    this.#buses.add(bus);
    return bus;
  }

  /** Messages published from now on wait (in flight) until `release()`. */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const send of held) send();
  }

  /** Messages published from now on are lost (Redis down) until `restore()`. */
  outage(): void {
    this.#down = true;
  }

  /** Redis back: every bus resubscribes and its rooms resync, as the Redis bus does. */
  restore(): void {
    this.#down = false;
    for (const bus of this.#buses) bus.reconnected();
  }

  /** A bus whose process died: nothing it publishes arrives any more. */
  detach(bus: MemoryBus): void {
    this.#buses.delete(bus);
  }

  send(from: MemoryBus, deliver: (to: MemoryBus) => void): void {
    if (this.#down || !this.#buses.has(from)) return;
    const send = () => {
      for (const bus of this.#buses) {
        if (bus !== from) this.#network.deliver(bus.inbox, () => deliver(bus));
      }
    };
    if (this.#held) this.#held.push(send);
    else send();
  }
}

export class MemoryBus implements RoomBus {
  /** The network channel this bus's messages arrive on, in order. */
  readonly inbox = { queue: [] as Array<() => void>, pumping: false };
  readonly #rooms = new Map<string, Set<RoomBusHandlers>>();
  readonly #hub: MemoryBusHub;
  readonly accessChanges: Array<[number, string]> = [];
  #onAccess: (code: number, reason: string) => void = () => {};

  constructor(hub: MemoryBusHub) {
    this.#hub = hub;
  }

  /** Rooms subscribed (tests of R64's unsubscribe). */
  get subscribedRooms(): string[] {
    return [...this.#rooms.keys()];
  }

  join(roomId: string, handlers: RoomBusHandlers): RoomChannel {
    let handlerSet = this.#rooms.get(roomId);
    if (!handlerSet) this.#rooms.set(roomId, (handlerSet = new Set()));
    handlerSet.add(handlers);
    const to = (each: (h: RoomBusHandlers) => void) =>
      this.#hub.send(this, (bus) => bus.#dispatch(roomId, each));
    return {
      ready: Promise.resolve(),
      publishUpdate: (update) => {
        const copy = update.slice();
        to((h) => h.update(copy));
      },
      publishAwareness: (update) => {
        const copy = update.slice();
        to((h) => h.awareness(copy));
      },
      queryAwareness: () => to((h) => h.queryAwareness()),
      leave: () => {
        handlerSet.delete(handlers);
        if (handlerSet.size === 0 && this.#rooms.get(roomId) === handlerSet) {
          this.#rooms.delete(roomId);
        }
      },
    };
  }

  accessChanged(code: number, reason: string): void {
    this.#hub.send(this, (bus) => {
      bus.accessChanges.push([code, reason]);
      bus.#onAccess(code, reason);
    });
  }

  onAccessChanged(listener: (code: number, reason: string) => void): () => void {
    this.#onAccess = listener;
    return () => (this.#onAccess = () => {});
  }

  reconnected(): void {
    for (const handlers of this.#rooms.values()) {
      for (const h of handlers) h.resync('reconnected');
    }
  }

  #dispatch(roomId: string, each: (h: RoomBusHandlers) => void): void {
    for (const h of this.#rooms.get(roomId) ?? []) each(h);
  }
}
