import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../origin/origin.ts';
import type { Rng } from './prng.ts';

/**
 * An in-memory mesh of Y.Docs with per-link queues: updates are delivered one at a time, in
 * random order (Yjs must cope with out-of-order updates), peers go offline (in-flight updates
 * to and from them are lost) and come back by exchanging state-vector diffs.
 */
export class SimulatedNetwork {
  readonly docs: readonly Y.Doc[];
  private readonly online: boolean[];
  private readonly queues: Uint8Array[][][]; // queues[from][to]
  private readonly rng: Rng;

  constructor(docs: readonly Y.Doc[], rng: Rng) {
    this.docs = docs;
    this.rng = rng;
    this.online = docs.map(() => true);
    this.queues = docs.map(() => docs.map(() => []));
    docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Peers forward only their own writes (local commands, undo/redo); remote ones came
        // from someone who sends them to everybody.
        if (origin === REMOTE_ORIGIN || !this.online[from]) return;
        docs.forEach((_, to) => {
          if (to !== from && this.online[to]) this.queues[from]![to]!.push(update);
        });
      });
    });
  }

  isOnline(peer: number): boolean {
    return this.online[peer] === true;
  }

  pending(): number {
    let count = 0;
    for (const row of this.queues) for (const queue of row) count += queue.length;
    return count;
  }

  /** Delivers one random queued update on a random link; false when nothing is queued. */
  deliverOne(): boolean {
    const links: [number, number][] = [];
    this.queues.forEach((row, from) =>
      row.forEach((queue, to) => {
        if (queue.length > 0) links.push([from, to]);
      }),
    );
    if (links.length === 0) return false;
    const [from, to] = this.rng.pick(links);
    const queue = this.queues[from]![to]!;
    const [update] = queue.splice(this.rng.int(0, queue.length), 1);
    Y.applyUpdate(this.docs[to]!, update!, REMOTE_ORIGIN);
    return true;
  }

  disconnect(peer: number): void {
    this.online[peer] = false;
    this.queues[peer]!.forEach((queue) => (queue.length = 0));
    for (const row of this.queues) row[peer]!.length = 0;
  }

  /** Back online: exchange state-vector diffs with every online peer. */
  reconnect(peer: number): void {
    this.online[peer] = true;
    this.docs.forEach((_, other) => {
      if (other !== peer && this.online[other]) this.resync(peer, other);
    });
  }

  resync(a: number, b: number): void {
    const docA = this.docs[a]!;
    const docB = this.docs[b]!;
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)), REMOTE_ORIGIN);
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)), REMOTE_ORIGIN);
  }

  /** Everyone online, every queue delivered, then a full exchange: all peers must converge. */
  settle(): void {
    this.docs.forEach((_, peer) => {
      if (!this.online[peer]) this.reconnect(peer);
    });
    while (this.deliverOne());
    for (let round = 0; round < 2; round++) {
      for (let peer = 1; peer < this.docs.length; peer++) this.resync(0, peer);
    }
  }
}
