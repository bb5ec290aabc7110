import type { MaybePromise } from '../storage/board-storage.ts';
import type { SqliteDatabase } from '../storage/database.ts';
import type { ImageMime } from './image-type.ts';

export interface BlobInfo {
  /** SHA-256 of the bytes, lowercase hex: the same photo uploaded twice is stored once. */
  blobId: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

export interface StoredBlob extends BlobInfo {
  data: Uint8Array;
}

export const BLOB_ID_PATTERN = /^[0-9a-f]{64}$/;

/** A `blobs` row without its data (SQLite and PostgreSQL alike). */
export interface BlobRow {
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

export const blobInfo = (row: BlobRow): BlobInfo => ({
  blobId: row.sha256,
  mime: row.mime,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
});

/** An image to store: its checked info and its bytes. */
export interface NewBlob {
  readonly info: BlobInfo;
  readonly data: Uint8Array;
}

/**
 * Uploaded images, content-addressed and scoped to a forum (R35). SQLite now; PostgreSQL
 * answers with promises: callers await every method.
 */
export interface BlobStore {
  /**
   * R35, atomic: stores the images the forum does not have yet — all of them or, if their
   * bytes would take the forum past `maxForumBytes`, none (null). Images it already has cost
   * nothing and answer their stored info. The forum's total, the check and the inserts are one
   * transaction (PostgreSQL: lock the forum's row first, `SELECT … FROM forums WHERE id = $1
   * FOR UPDATE`), so two uploads at once never both pass the quota. Answers each image's info
   * in the order given.
   *
   * R54: each image records which request put it last (`put_by`): the images this put inserts
   * are marked `putBy` (null without it), and images it names that the forum already had lose
   * their mark — another request wants them now, so `remove(…, putBy)` of whoever inserted
   * them leaves them alone.
   */
  put(
    forumId: string,
    blobs: ReadonlyArray<NewBlob>,
    maxForumBytes: number,
    putBy?: string,
  ): MaybePromise<BlobInfo[] | null>;
  info(forumId: string, blobId: string): MaybePromise<BlobInfo | null>;
  get(forumId: string, blobId: string): MaybePromise<StoredBlob | null>;
  /** Bytes of every image of the forum (for its quota). */
  forumBytes(forumId: string): MaybePromise<number>;
  /**
   * Removes images of the forum (absent ones are ignored): only for images that a refused
   * write stored and nothing shows, which would otherwise count in the quota for good. With
   * `putBy`, only those that a put marked `putBy` inserted and no other put named since (R54:
   * the same photo uploaded, imported or added with another board by a request in flight is
   * kept). One transaction with the puts (PostgreSQL: the forum's row locked first).
   */
  remove(forumId: string, blobIds: readonly string[], putBy?: string): MaybePromise<void>;
}

/** BlobStore on SQLite: synchronous answers; `put` is one transaction. */
export class SqliteBlobStore implements BlobStore {
  readonly #insert;
  readonly #select;
  readonly #selectInfo;
  readonly #forumBytes;
  readonly #delete;
  readonly #deletePutBy;
  readonly #unmark;
  readonly #putTx;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<
      [string, string, string, number, number, number, number, Uint8Array, string | null]
    >(
      `INSERT INTO blobs (forum_id, sha256, mime, width, height, bytes, created_at, data, put_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (forum_id, sha256) DO NOTHING`,
    );
    this.#unmark = db.prepare<[string, string]>(
      'UPDATE blobs SET put_by = NULL WHERE forum_id = ? AND sha256 = ? AND put_by IS NOT NULL',
    );
    this.#deletePutBy = db.prepare<[string, string, string]>(
      'DELETE FROM blobs WHERE forum_id = ? AND sha256 = ? AND put_by = ?',
    );
    this.#select = db.prepare<[string, string], BlobRow & { data: Buffer }>(
      'SELECT sha256, mime, width, height, bytes, data FROM blobs WHERE forum_id = ? AND sha256 = ?',
    );
    this.#selectInfo = db.prepare<[string, string], BlobRow>(
      'SELECT sha256, mime, width, height, bytes FROM blobs WHERE forum_id = ? AND sha256 = ?',
    );
    this.#forumBytes = db.prepare<[string], { total: number }>(
      'SELECT COALESCE(SUM(bytes), 0) AS total FROM blobs WHERE forum_id = ?',
    );
    this.#delete = db.prepare<[string, string]>(
      'DELETE FROM blobs WHERE forum_id = ? AND sha256 = ?',
    );
    this.#putTx = db.transaction(
      (
        forumId: string,
        blobs: ReadonlyArray<NewBlob>,
        maxForumBytes: number,
        putBy: string | null,
      ) => {
        const fresh = new Map<string, NewBlob>();
        const present = new Set<string>();
        for (const blob of blobs) {
          if (this.info(forumId, blob.info.blobId)) present.add(blob.info.blobId);
          else fresh.set(blob.info.blobId, blob);
        }
        let newBytes = 0;
        for (const blob of fresh.values()) newBytes += blob.info.bytes;
        if (newBytes > 0 && this.forumBytes(forumId) + newBytes > maxForumBytes) return null;
        // R54: another request inserted these; this one wants them too.
        for (const blobId of present) this.#unmark.run(forumId, blobId);
        const at = Date.now();
        for (const { info, data } of fresh.values()) {
          this.#insert.run(
            forumId,
            info.blobId,
            info.mime,
            info.width,
            info.height,
            info.bytes,
            at,
            data,
            putBy,
          );
        }
        return blobs.map((blob) => this.info(forumId, blob.info.blobId) ?? blob.info);
      },
    );
  }

  put(
    forumId: string,
    blobs: ReadonlyArray<NewBlob>,
    maxForumBytes: number,
    putBy?: string,
  ): BlobInfo[] | null {
    return this.#putTx(forumId, blobs, maxForumBytes, putBy ?? null);
  }

  info(forumId: string, blobId: string): BlobInfo | null {
    const row = this.#selectInfo.get(forumId, blobId);
    return row ? blobInfo(row) : null;
  }

  get(forumId: string, blobId: string): StoredBlob | null {
    const row = this.#select.get(forumId, blobId);
    return row ? { ...blobInfo(row), data: new Uint8Array(row.data) } : null;
  }

  forumBytes(forumId: string): number {
    return this.#forumBytes.get(forumId)?.total ?? 0;
  }

  remove(forumId: string, blobIds: readonly string[], putBy?: string): void {
    for (const blobId of blobIds) {
      if (putBy === undefined) this.#delete.run(forumId, blobId);
      else this.#deletePutBy.run(forumId, blobId, putBy);
    }
  }
}
