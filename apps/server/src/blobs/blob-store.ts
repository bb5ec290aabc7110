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

interface BlobRow {
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

const toInfo = (row: BlobRow): BlobInfo => ({
  blobId: row.sha256,
  mime: row.mime,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
});

/** Uploaded images, content-addressed and scoped to a forum (R35). */
export class SqliteBlobStore {
  readonly #insert;
  readonly #select;
  readonly #selectInfo;
  readonly #forumBytes;

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
  }

  /** Stores the blob unless the forum has it already; either way answers its info. */
  put(forumId: string, info: BlobInfo, data: Uint8Array): BlobInfo {
    this.#insert.run(
      forumId,
      info.blobId,
      info.mime,
      info.width,
      info.height,
      info.bytes,
      Date.now(),
      data,
    );
    return this.info(forumId, info.blobId) ?? info;
  }

  info(forumId: string, blobId: string): BlobInfo | null {
    const row = this.#selectInfo.get(forumId, blobId);
    return row ? toInfo(row) : null;
  }

  get(forumId: string, blobId: string): StoredBlob | null {
    const row = this.#select.get(forumId, blobId);
    return row ? { ...toInfo(row), data: new Uint8Array(row.data) } : null;
  }

  /** Bytes of every image of the forum (for its quota). */
  forumBytes(forumId: string): number {
    return this.#forumBytes.get(forumId)?.total ?? 0;
  }
}
