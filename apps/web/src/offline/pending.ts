// Local changes the server has not confirmed yet, counted honestly.
//
// y-websocket has no acknowledgements, so the count is learned from what the server itself
// says it holds: its state vector (sync step 1, on every join) and the updates it sends. To ask
// on purpose, the client sends a sync step 1 that claims, for each client id with pending
// changes, only the clock the server last confirmed: the server answers (sync step 2) with
// what it holds past that clock, so the end of that answer is what it has stored (R5: stored
// before it is relayed or answered). Changes are counted in bursts (a drag, a typing session):
// a burst is one thing changed (a shape, with what it holds) in quick succession, so five notes
// written one after another within a second count five, not one. Kept per board in localStorage
// so the count survives a reload while offline. Two tabs of one board share that record without
// sharing a count: each writes back its own bursts beside the other's, and counts those its own
// document holds (its own, and those it loaded from the device's copy).
import * as Y from 'yjs';
import { readSyncFrame, syncFrame } from './syncFrame';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Transactions closer than this make one change (a drag writes once per frame). */
const BURST_MS = 1000;
/** Stop remembering past this many changes (the oldest are merged into one). */
const MAX_ENTRIES = 500;
/**
 * A burst's growing clock is stored at most this often: a drag's every move wrote the whole list
 * to localStorage. A new burst is stored at once, and a waiting one when the page is left (see
 * flush), so a reload finds every burst, at worst with the clock of ~this long before.
 */
const STORE_EVERY_MS = 250;

/** One burst of local changes: done when the server holds `client` up to `clock`. */
export interface PendingChange {
  client: number;
  clock: number;
}

/** The subset of `localStorage` used here (absent in private mode or tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function readEntries(store: KeyValueStore | null, key: string): PendingChange[] {
  try {
    const raw = store?.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is PendingChange =>
        typeof e === 'object' &&
        e !== null &&
        Number.isInteger((e as PendingChange).client) &&
        Number.isInteger((e as PendingChange).clock),
    );
  } catch {
    return [];
  }
}

/**
 * What a transaction changed, one key per thing: the path's first two steps from the root (a
 * shape, `shapes/<id>`, whether created, moved or typed in; a root-level key on its own).
 */
function footprint(transaction: Y.Transaction): Set<string> {
  const things = new Set<string>();
  transaction.changed.forEach((keys, type) => {
    const path = pathOf(type);
    if (path.length >= 2) things.add(path.slice(0, 2).join('/'));
    else for (const key of keys) things.add([...path, key ?? ''].slice(0, 2).join('/'));
  });
  return things;
}

/** The keys from the document's root down to `type` (empty for a root type). */
function pathOf(type: { readonly _item: Y.Item | null }): string[] {
  const path: string[] = [];
  let at: { readonly _item: Y.Item | null } | null = type;
  while (at?._item) {
    path.unshift(at._item.parentSub ?? '');
    at = at._item.parent instanceof Y.AbstractType ? at._item.parent : null;
  }
  return path;
}

export class PendingChanges {
  /** Every burst this page knows of: its own, and those of the board's other tabs. */
  private entries: PendingChange[];
  /** What the current burst changed: a write elsewhere starts another one. */
  private burst = new Set<string>();
  /** What the server is known to hold, per client id. */
  private readonly confirmed = new Map<number, number>();
  private lastChangeAt = -Infinity;
  private readonly listeners = new Set<() => void>();
  private counted = 0;
  private storeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: KeyValueStore | null,
    private readonly key: string,
    /** Which transactions are this person's edits (not remote, not the local cache loading). */
    private readonly isLocalEdit: (origin: unknown) => boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = readEntries(store, key);
    this.counted = this.held();
    doc.on('afterTransaction', this.onTransaction);
  }

  /** How many bursts of changes the server has not confirmed. */
  count(): number {
    return this.counted;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every frame received from the server goes through here (others are ignored). */
  observeServerFrame(bytes: Uint8Array): void {
    try {
      const message = readSyncFrame(bytes);
      if (message === null) return;
      const { syncType: type, payload } = message;
      if (type === SYNC_STEP_1) this.learn(Y.decodeStateVector(payload));
      else if (type === SYNC_STEP_2 || type === SYNC_UPDATE)
        this.learn(Y.parseUpdateMeta(payload).to);
    } catch {
      // Not ours to judge: the provider handles (or reports) a frame it cannot read.
    }
  }

  /**
   * A sync step 1 frame asking the server what it holds of our pending changes, or null when
   * nothing is pending. Other clients keep their real clocks, so the answer stays small.
   */
  confirmationQuery(): Uint8Array<ArrayBuffer> | null {
    if (this.counted === 0) return null;
    const vector = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    // Per client, the claim stops just short of the end of its first change not known stored:
    // if the server holds that end, the answer holds that last element and whatever follows, so
    // its end is what the server has; if not, none of the changes is stored yet. Claiming only
    // the clock last confirmed had the server send back every change since: a large import came
    // back whole (1.6 MB for 5,000 notes), ~0.4 s of the page's main thread to read it again.
    const claims = new Map<number, number>();
    for (const entry of this.entries) {
      if (this.isDone(entry)) continue;
      const claim = Math.max(this.confirmed.get(entry.client) ?? 0, entry.clock - 1);
      claims.set(entry.client, Math.min(claims.get(entry.client) ?? claim, claim));
    }
    for (const [client, claim] of claims) {
      vector.set(client, Math.min(vector.get(client) ?? 0, claim));
    }
    return syncFrame(SYNC_STEP_1, Y.encodeStateVector(vector));
  }

  /**
   * Until the returned end is called, my writes join the change under way: an import written in
   * several parts (export/writeInSteps.ts) is one change, as the others receive it, not one per
   * part (each part touches other shapes, which a burst counts as other changes).
   */
  asOneChange(): () => void {
    this.oneChange = true;
    return () => {
      this.oneChange = false;
    };
  }

  private oneChange = false;

  /** Stores a burst's latest clock now (the page is being left). */
  flush(): void {
    if (this.storeTimer === null) return;
    clearTimeout(this.storeTimer);
    this.storeTimer = null;
    this.save();
  }

  destroy(): void {
    this.flush();
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (!this.isLocalEdit(transaction.origin)) {
      // The device's copy loading (or the server) may bring bursts an earlier page stored.
      if (this.entries.some((e) => e.client !== this.doc.clientID)) this.recount();
      return;
    }
    const client = this.doc.clientID;
    const clock = transaction.afterState.get(client) ?? 0;
    if (clock <= (transaction.beforeState.get(client) ?? 0)) return;
    const at = this.now();
    const last = this.entries.at(-1);
    const things = footprint(transaction);
    const same =
      this.oneChange || things.size === 0 || [...things].some((thing) => this.burst.has(thing));
    if (
      last &&
      last.client === client &&
      at - this.lastChangeAt < BURST_MS &&
      same &&
      !this.isDone(last)
    ) {
      // Same burst, same count: only its clock grows, stored a little later.
      last.clock = clock;
      this.lastChangeAt = at;
      for (const thing of things) this.burst.add(thing);
      this.storeTimer ??= setTimeout(() => {
        this.storeTimer = null;
        this.save();
      }, STORE_EVERY_MS);
      return;
    }
    this.entries.push({ client, clock });
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.lastChangeAt = at;
    this.burst = things;
    this.changed();
  };

  /** The bursts this page's document holds (another tab's may not be in it) not yet confirmed. */
  private held(): number {
    return this.entries.filter(
      (e) => !this.isDone(e) && Y.getState(this.doc.store, e.client) >= e.clock,
    ).length;
  }

  private recount(): void {
    const count = this.held();
    if (count === this.counted) return;
    this.counted = count;
    for (const listener of this.listeners) listener();
  }

  private isDone(entry: PendingChange): boolean {
    return (this.confirmed.get(entry.client) ?? 0) >= entry.clock;
  }

  private learn(vector: Map<number, number>): void {
    let advanced = false;
    for (const [client, clock] of vector) {
      if (clock > (this.confirmed.get(client) ?? 0)) {
        this.confirmed.set(client, clock);
        advanced = true;
      }
    }
    if (!advanced) return;
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => !this.isDone(entry));
    if (this.entries.length !== before) this.changed();
  }

  private changed(): void {
    if (this.storeTimer !== null) {
      clearTimeout(this.storeTimer);
      this.storeTimer = null;
    }
    this.save();
    this.recount();
  }

  /**
   * Writes this page's bursts back beside those another tab of the board stored meanwhile (each
   * tab's document has its own client id): the other tab's are taken as stored, less those this
   * page learnt the server holds. One tab's list replaced the other's before.
   */
  private save(): void {
    const mine = this.doc.clientID;
    const others = readEntries(this.store, this.key).filter(
      (e) => e.client !== mine && !this.isDone(e),
    );
    this.entries = [...others, ...this.entries.filter((e) => e.client === mine)];
    try {
      if (this.entries.length === 0) this.store?.removeItem(this.key);
      else this.store?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // Storage full or denied: the count still holds for this page.
    }
  }
}
