import type { WebSocketLike } from './websocket-like.ts';

/**
 * An in-memory transport for protocol tests: frames are delivered asynchronously (like a
 * network), and `idle()` resolves once nothing is in flight — no timers, no polling.
 */
export class MemoryNetwork {
  #inFlight = 0;
  #waiters: Array<() => void> = [];
  readonly #random: (() => number) | null;
  readonly #maxDelayTicks: number;

  /**
   * With `random`, each frame waits 0..maxDelayTicks extra event-loop turns; frames of one
   * direction of one socket still arrive in order, as over TCP.
   */
  constructor(options: { random?: () => number; maxDelayTicks?: number } = {}) {
    this.#random = options.random ?? null;
    this.#maxDelayTicks = options.maxDelayTicks ?? 0;
  }

  deliver(channel: Channel, fn: () => void): void {
    this.#inFlight++;
    channel.queue.push(fn);
    if (!channel.pumping) {
      channel.pumping = true;
      this.#pump(channel);
    }
  }

  #pump(channel: Channel): void {
    const ticks = this.#random ? Math.floor(this.#random() * (this.#maxDelayTicks + 1)) : 0;
    const step = (remaining: number) => {
      if (remaining > 0) {
        setImmediate(() => step(remaining - 1));
        return;
      }
      const fn = channel.queue.shift()!;
      try {
        fn();
      } finally {
        this.#inFlight--;
        if (channel.queue.length > 0) this.#pump(channel);
        else channel.pumping = false;
        if (this.#inFlight === 0) this.#wake();
      }
    };
    setImmediate(() => step(ticks));
  }

  /**
   * Resolves when every frame sent so far (and every frame those caused) was delivered, and an
   * event-loop turn passed with nothing in flight: the relay sends batched updates and
   * coalesced awareness at the end of a turn (R10, R51).
   */
  async idle(): Promise<void> {
    if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (this.#inFlight > 0) return this.idle();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** One direction of one socket: a FIFO of frames. */
interface Channel {
  queue: Array<() => void>;
  pumping: boolean;
}

const channel = (): Channel => ({ queue: [], pumping: false });

export interface ClientEnd {
  send(data: Uint8Array, isBinary?: boolean): void;
  close(code?: number): void;
  readonly closed: boolean;
  readonly closeCode: number | null;
  onMessage: (data: Uint8Array) => void;
  onClose: (code: number) => void;
}

/** The server's end of an in-memory socket, and the client's end in `client`. */
export class MemorySocket implements WebSocketLike {
  bufferedAmount = 0;
  /** When stalled, sent frames pile up in bufferedAmount instead of being delivered. */
  stalled = false;
  readonly client: ClientEnd;
  #messageListeners: Array<(data: Uint8Array, isBinary: boolean) => void> = [];
  #closeListeners: Array<(code: number) => void> = [];
  #closed = false;
  #serverSawClose = false;
  #closeCode: number | null = null;
  readonly #network: MemoryNetwork;
  readonly #toClient = channel();
  readonly #toServer = channel();

  constructor(network: MemoryNetwork) {
    this.#network = network;
    const deliverToServer = (data: Uint8Array, isBinary: boolean) => {
      if (this.#closed) return;
      const copy = data.slice();
      // Frames already in flight arrive even if a close follows them, as over TCP.
      network.deliver(this.#toServer, () => {
        if (!this.#serverSawClose)
          for (const listener of this.#messageListeners) listener(copy, isBinary);
      });
    };
    const isClosed = () => this.#closed;
    const closeCode = () => this.#closeCode;
    this.client = {
      send: (data, isBinary = true) => deliverToServer(data, isBinary),
      close: (code = 1000) => this.#finish(code),
      get closed() {
        return isClosed();
      },
      get closeCode() {
        return closeCode();
      },
      onMessage: () => {},
      onClose: () => {},
    };
  }

  send(data: Uint8Array): void {
    if (this.#closed) return;
    if (this.stalled) {
      this.bufferedAmount += data.byteLength;
      return;
    }
    this.#network.deliver(this.#toClient, () => this.client.onMessage(data));
  }

  close(code: number, _reason: string): void {
    this.#finish(code);
  }

  #finish(code: number): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#closeCode = code;
    // The close travels behind the frames already sent, both ways.
    this.#network.deliver(this.#toClient, () => this.client.onClose(code));
    this.#network.deliver(this.#toServer, () => {
      this.#serverSawClose = true;
      for (const listener of this.#closeListeners) listener(code);
    });
  }

  onMessage(listener: (data: Uint8Array, isBinary: boolean) => void): void {
    this.#messageListeners.push(listener);
  }

  onClose(listener: (code: number) => void): void {
    this.#closeListeners.push(listener);
  }

  onError(_listener: (error: Error) => void): void {
    // In-memory sockets do not fail.
  }
}
