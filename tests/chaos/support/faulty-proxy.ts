// A fault-injecting TCP proxy on 127.0.0.1 for the chaos test. Each accepted connection is
// piped to the server with its own random delay per chunk (order kept), may be cut at a random
// moment, and may stall for a while and then resume. Faults can be switched off to let
// everything heal at the end.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Random } from './prng.ts';

export interface FaultOptions {
  /** Max extra delay per chunk, per connection (chosen at random up to this). */
  maxDelayMs: number;
  /** Probability that a connection is cut at some moment within `cutWithinMs`. */
  cutProbability: number;
  cutWithinMs: number;
  /** Probability that a connection stalls once (for up to `maxStallMs`) and then resumes. */
  stallProbability: number;
  maxStallMs: number;
}

export interface FaultyProxy {
  readonly port: number;
  /** Sets where connections go (the server's port may change after a restart). */
  target(port: number): void;
  faults(enabled: boolean): void;
  /** Cuts every open connection now. */
  cutAll(): void;
  stats(): { connections: number; cuts: number; stalls: number };
  close(): Promise<void>;
}

/** Forwards chunks in order, each after `delayMs`, holding everything while stalled. */
class DelayedPipe {
  #queue: Buffer[] = [];
  #busy = false;
  #stalledUntil = 0;
  constructor(
    private readonly to: Socket,
    private readonly delayMs: () => number,
  ) {}

  push(chunk: Buffer): void {
    this.#queue.push(chunk);
    if (!this.#busy) this.#drain();
  }

  stall(ms: number): void {
    this.#stalledUntil = Date.now() + ms;
  }

  #drain(): void {
    const chunk = this.#queue.shift();
    if (chunk === undefined) {
      this.#busy = false;
      return;
    }
    this.#busy = true;
    const wait = Math.max(this.delayMs(), this.#stalledUntil - Date.now());
    const send = () => {
      if (!this.to.destroyed) this.to.write(chunk);
      this.#drain();
    };
    if (wait <= 0) send();
    else setTimeout(send, wait).unref();
  }
}

export async function startFaultyProxy(
  random: Random,
  options: FaultOptions,
): Promise<FaultyProxy> {
  let targetPort = 0;
  let faultsOn = true;
  let cuts = 0;
  let stalls = 0;
  let connections = 0;
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    connections++;
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    open.add(client);
    open.add(upstream);
    const timers: NodeJS.Timeout[] = [];
    const end = () => {
      for (const timer of timers) clearTimeout(timer);
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);

    const maxDelay = faultsOn ? random.int(0, options.maxDelayMs) : 0;
    const delay = () => (faultsOn && maxDelay > 0 ? random.int(0, maxDelay) : 0);
    const toServer = new DelayedPipe(upstream, delay);
    const toClient = new DelayedPipe(client, delay);
    client.on('data', (chunk: Buffer) => toServer.push(chunk));
    upstream.on('data', (chunk: Buffer) => toClient.push(chunk));

    if (faultsOn && random.chance(options.cutProbability)) {
      const timer = setTimeout(
        () => {
          if (!faultsOn) return;
          cuts++;
          end();
        },
        random.int(0, options.cutWithinMs),
      );
      timer.unref();
      timers.push(timer);
    }
    if (faultsOn && random.chance(options.stallProbability)) {
      const timer = setTimeout(
        () => {
          if (!faultsOn) return;
          stalls++;
          const ms = random.int(100, options.maxStallMs);
          toServer.stall(ms);
          toClient.stall(ms);
        },
        random.int(0, options.cutWithinMs),
      );
      timer.unref();
      timers.push(timer);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  return {
    port: address.port,
    target: (port) => {
      targetPort = port;
    },
    faults: (enabled) => {
      faultsOn = enabled;
    },
    cutAll: () => {
      for (const socket of open) socket.destroy();
      open.clear();
    },
    stats: () => ({ connections, cuts, stalls }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
