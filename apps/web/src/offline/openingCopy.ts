// The board's copy on this device, loading from IndexedDB. A board link starts it as the page
// starts (app/boardStart.ts), beside the board's info and the editor's code; the board's
// connection takes it when its session opens. Loaded only once the session was open, the copy
// held back the socket by that much more (it opens after the copy: board/connection.ts).
import * as Y from 'yjs';
import { LocalCopy } from './localCopy';

export function localDatabaseName(boardId: string): string {
  return `carton-board-${boardId}`;
}

export type CopyOpener = (name: string, doc: Y.Doc, live: () => boolean) => LocalCopy;

const openLocalCopy: CopyOpener = (name, doc, live) => new LocalCopy(name, doc, live);

/** A board's copy loading into a new Y.Doc, until a connection takes both. */
export class OpeningCopy {
  readonly doc = new Y.Doc();
  /** Null without IndexedDB (private mode, old browser): online only. */
  readonly local: LocalCopy | null = null;
  /**
   * Whether something was stored (the board was opened on this device before), once loaded.
   * The connection waits for it a few seconds at most, counted from when it takes the copy.
   */
  readonly loaded: Promise<boolean>;
  /** Whether the server gets updates live: the connection that takes the copy says. */
  live: () => boolean = () => false;

  constructor(
    readonly boardId: string,
    open: CopyOpener = openLocalCopy,
  ) {
    try {
      this.local = open(localDatabaseName(boardId), this.doc, () => this.live());
    } catch {
      this.loaded = Promise.resolve(false); // No IndexedDB: online only.
      return;
    }
    this.loaded = this.local.whenSynced.then(
      () => this.doc.store.clients.size > 0,
      () => false,
    );
  }

  close(): void {
    void this.local?.destroy();
    this.doc.destroy();
  }

  /**
   * Closes the copy of a link the server refused. Opening it created its database: one left
   * empty is deleted, so a mistyped link leaves nothing on the device; one holding the board
   * is kept, for its changes not yet sent may be all there is of them (a link replaced since).
   */
  /** Closes the copy, deleting its database if it holds nothing, or if `erase` (forum deleted). */
  async discard(erase = false): Promise<void> {
    const empty =
      erase ||
      (await this.local?.whenSynced.then(
        () => this.doc.store.clients.size === 0,
        () => false, // unread is not empty
      ));
    if (empty) await this.local?.clear();
    else void this.local?.destroy();
    this.doc.destroy();
  }
}

/** The copy started with the page, until the board's connection takes it. */
let early: OpeningCopy | null = null;

/** Starts loading a board's copy now, before its session exists. */
export function openCopyEarly(boardId: string, open?: CopyOpener): void {
  if (early?.boardId === boardId) return;
  early?.close();
  early = new OpeningCopy(boardId, open);
}

/** The copy started early for this board if any (once), else a new one. */
export function takeCopy(boardId: string, open?: CopyOpener): OpeningCopy {
  const taken = early;
  early = null;
  if (taken?.boardId === boardId) return taken;
  taken?.close();
  return new OpeningCopy(boardId, open);
}

/**
 * Discards the early copy of a board whose link the server refused: no session will take it.
 * Kept on the device unless empty — or `erase`d: the board's forum was deleted from the server.
 */
export function dropEarlyCopy(boardId: string, { erase = false } = {}): Promise<void> {
  if (early?.boardId !== boardId) return Promise.resolve();
  const dropped = early;
  early = null;
  return dropped.discard(erase);
}
