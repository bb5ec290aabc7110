import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { SqliteVoteStore, voterHash } from './vote-store.ts';

let dir: string;
let db: SqliteDatabase;
let votes: SqliteVoteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-votes-'));
  db = openDatabase(dir);
  new SqliteForumStore(db).createForum({ id: 'f1', title: 'Forum', createdAt: 1 }, [], []);
  votes = new SqliteVoteStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vote dots', () => {
  it('V2: at most N dots per voter, several on one note, removal one at a time', () => {
    const voter = voterHash('f1', 'v1', 'device-123456');
    const note = { boardId: 'b1', shapeId: 'shape:a' };
    expect(votes.add('f1', 'v1', voter, note, 2)).toBe(true);
    expect(votes.add('f1', 'v1', voter, note, 2)).toBe(true);
    expect(votes.add('f1', 'v1', voter, { boardId: 'b1', shapeId: 'shape:b' }, 2)).toBe(false);
    expect(votes.countOf('v1', note)).toBe(2);
    expect(votes.remove('v1', voter, note)).toBe(true);
    expect(votes.dotsOf('v1', voter)).toEqual([note]);
    expect(votes.remove('v1', voter, { boardId: 'b1', shapeId: 'shape:b' })).toBe(false);
    expect(votes.counts('v1')).toEqual([{ ...note, count: 1 }]);
  });

  it('V2: voters are stored as hashes, unlinkable across votes', () => {
    const a = voterHash('f1', 'v1', 'device-123456');
    expect(a).not.toContain('device');
    expect(voterHash('f1', 'v2', 'device-123456')).not.toBe(a);
    votes.add('f1', 'v1', a, { boardId: 'b1', shapeId: 'shape:a' }, 3);
    const stored = db.prepare('SELECT voter FROM vote_dots').all() as Array<{ voter: string }>;
    expect(stored).toEqual([{ voter: a }]);
  });
});
