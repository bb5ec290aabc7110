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
   */
  put(
    forumId: string,
    blobs: ReadonlyArray<NewBlob>,
    maxForumBytes: number,
  ): MaybePromise<BlobInfo[] | null>;
  info(forumId: string, blobId: string): MaybePromise<BlobInfo | null>;
  get(forumId: string, blobId: string): MaybePromise<StoredBlob | null>;
  /** Bytes of every image of the forum (for its quota). */
  forumBytes(forumId: string): MaybePromise<number>;
  /**
   * Removes images of the forum (absent ones are ignored): only for images that a refused
   * write stored and nothing shows, which would otherwise count in the quota for good.
   */
  remove(forumId: string, blobIds: readonly string[]): MaybePromise<void>;
}

/** BlobStore on SQLite: synchronous answers; `put` is one transaction. */
export class SqliteBlobStore implements BlobStore {
  readonly #insert;
  readonly #select;
  readonly #selectInfo;
  readonly #forumBytes;
  readonly #delete;
  readonly #putTx;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[string, string, string, number, number, number, number, Uint8Array]>(
      `INSERT INTO blobs (forum_id, sha256, mime, width, height, bytes, created_at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (forum_id, sha256) DO NOTHING`,
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
      (forumId: string, blobs: ReadonlyArray<NewBlob>, maxForumBytes: number) => {
        const fresh = new Map<string, NewBlob>();
        for (const blob of blobs) {
          if (!this.info(forumId, blob.info.blobId)) fresh.set(blob.info.blobId, blob);
        }
        let newBytes = 0;
        for (const blob of fresh.values()) newBytes += blob.info.bytes;
        if (newBytes > 0 && this.forumBytes(forumId) + newBytes > maxForumBytes) return null;
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
          );
        }
        return blobs.map((blob) => this.info(forumId, blob.info.blobId) ?? blob.info);
      },
    );
  }

  put(forumId: string, blobs: ReadonlyArray<NewBlob>, maxForumBytes: number): BlobInfo[] | null {
    return this.#putTx(forumId, blobs, maxForumBytes);
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

  remove(forumId: string, blobIds: readonly string[]): void {
    for (const blobId of blobIds) this.#delete.run(forumId, blobId);
  }
}
