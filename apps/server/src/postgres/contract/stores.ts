// The stores of a TestDatabase, whichever its kind.
import type { BlobStore } from '../../blobs/blob-store.ts';
import { SqliteBlobStore } from '../../blobs/blob-store.ts';
import type { VoteStore } from '../../facilitation/vote-store.ts';
import { SqliteVoteStore } from '../../facilitation/vote-store.ts';
import type { ForumStore } from '../../forums/forum-store.ts';
import { SqliteForumStore } from '../../forums/sqlite-forum-store.ts';
import { PgBlobStore } from '../pg-blob-store.ts';
import { PgForumStore } from '../pg-forum-store.ts';
import { PgVoteStore } from '../pg-vote-store.ts';
import type { TestDatabase } from './backends.ts';

export function forumStoreOn(db: TestDatabase): ForumStore {
  return db.sqlite ? new SqliteForumStore(db.sqlite) : new PgForumStore(db.pool!);
}

export function voteStoreOn(db: TestDatabase): VoteStore {
  return db.sqlite ? new SqliteVoteStore(db.sqlite) : new PgVoteStore(db.pool!);
}

export function blobStoreOn(db: TestDatabase): BlobStore {
  return db.sqlite ? new SqliteBlobStore(db.sqlite) : new PgBlobStore(db.pool!);
}
