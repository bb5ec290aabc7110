import type pg from 'pg';
import {
  blobInfo,
  type BlobInfo,
  type BlobRow,
  type BlobStore,
  type NewBlob,
  type StoredBlob,
} from '../blobs/blob-store.ts';
import { inTransaction } from './transaction.ts';

const INFO_COLUMNS = 'sha256, mime, width, height, bytes';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Uploaded images (R35) on PostgreSQL, content-addressed per forum, in BYTEA. */
export class PgBlobStore implements BlobStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * R35 across processes: the forum's row is locked first, so the total, the quota check and
   * the inserts of two uploads at once are serialised and never both pass the quota.
   */
  put(
    forumId: string,
    blobs: ReadonlyArray<NewBlob>,
    maxForumBytes: number,
    putBy?: string,
  ): Promise<BlobInfo[] | null> {
    return inTransaction(this.#pool, async (client) => {
      await client.query('SELECT id FROM forums WHERE id = $1 FOR UPDATE', [forumId]);
      const fresh = new Map<string, NewBlob>();
      const present = new Set<string>();
      for (const blob of blobs) {
        if (await infoOf(client, forumId, blob.info.blobId)) present.add(blob.info.blobId);
        else fresh.set(blob.info.blobId, blob);
      }
      let newBytes = 0;
      for (const blob of fresh.values()) newBytes += blob.info.bytes;
      if (newBytes > 0 && (await bytesOf(client, forumId)) + newBytes > maxForumBytes) return null;
      if (present.size > 0) {
        // R54: another request inserted these; this one wants them too.
        await client.query(
          `UPDATE blobs SET put_by = NULL
           WHERE forum_id = $1 AND sha256 = ANY($2::text[]) AND put_by IS NOT NULL`,
          [forumId, [...present]],
        );
      }
      const at = Date.now();
      for (const { info, data } of fresh.values()) {
        await client.query(
          `INSERT INTO blobs (forum_id, sha256, mime, width, height, bytes, created_at, data, put_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (forum_id, sha256) DO NOTHING`,
          [
            forumId,
            info.blobId,
            info.mime,
            info.width,
            info.height,
            info.bytes,
            at,
            data,
            putBy ?? null,
          ],
        );
      }
      const infos: BlobInfo[] = [];
      for (const blob of blobs) {
        infos.push((await infoOf(client, forumId, blob.info.blobId)) ?? blob.info);
      }
      return infos;
    });
  }

  info(forumId: string, blobId: string): Promise<BlobInfo | null> {
    return infoOf(this.#pool, forumId, blobId);
  }

  async get(forumId: string, blobId: string): Promise<StoredBlob | null> {
    const result = await this.#pool.query<BlobRow & { data: Buffer }>(
      `SELECT ${INFO_COLUMNS}, data FROM blobs WHERE forum_id = $1 AND sha256 = $2`,
      [forumId, blobId],
    );
    const row = result.rows[0];
    return row ? { ...blobInfo(row), data: new Uint8Array(row.data) } : null;
  }

  forumBytes(forumId: string): Promise<number> {
    return bytesOf(this.#pool, forumId);
  }

  async remove(forumId: string, blobIds: readonly string[], putBy?: string): Promise<void> {
    if (blobIds.length === 0) return;
    if (putBy === undefined) {
      await this.#pool.query('DELETE FROM blobs WHERE forum_id = $1 AND sha256 = ANY($2::text[])', [
        forumId,
        [...blobIds],
      ]);
      return;
    }
    // Under the forum's lock, like put: a put that found the image present and is about to
    // answer its info never sees it vanish before it commits.
    await inTransaction(this.#pool, async (client) => {
      await client.query('SELECT id FROM forums WHERE id = $1 FOR UPDATE', [forumId]);
      await client.query(
        'DELETE FROM blobs WHERE forum_id = $1 AND sha256 = ANY($2::text[]) AND put_by = $3',
        [forumId, [...blobIds], putBy],
      );
    });
  }
}

async function infoOf(db: Queryable, forumId: string, blobId: string): Promise<BlobInfo | null> {
  const result = await db.query<BlobRow>(
    `SELECT ${INFO_COLUMNS} FROM blobs WHERE forum_id = $1 AND sha256 = $2`,
    [forumId, blobId],
  );
  return result.rows[0] ? blobInfo(result.rows[0]) : null;
}

async function bytesOf(db: Queryable, forumId: string): Promise<number> {
  const result = await db.query<{ total: number }>(
    'SELECT COALESCE(SUM(bytes), 0)::bigint AS total FROM blobs WHERE forum_id = $1',
    [forumId],
  );
  return result.rows[0]!.total;
}
