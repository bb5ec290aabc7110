// The version-history rows both SQL backends read (SQLite here, PostgreSQL in src/postgres/):
// the same columns, one mapping, one pruning rule.
import type { SnapshotInfo, SnapshotKind } from './board-storage.ts';

/** A `board_snapshots` row without its data. */
export interface SnapshotRow {
  id: number;
  board_id: string;
  kind: SnapshotKind;
  name: string | null;
  created_at: number;
  bytes: number;
}

export const snapshotInfo = (row: SnapshotRow): SnapshotInfo => ({
  id: row.id,
  boardId: row.board_id,
  kind: row.kind,
  name: row.name,
  createdAt: row.created_at,
  bytes: row.bytes,
});

/** Auto snapshots kept per board; named ones are never pruned. */
export const AUTO_SNAPSHOTS_KEPT = 50;

/**
 * Named versions a facilitator may keep per board (R27). Named ones are never pruned, so
 * without a bound a script holding the facilitator link could fill the disk with copies of
 * the board. 200 named and the 50 auto fit a forum archive's 250 per board
 * (ARCHIVE_LIMITS.maxVersionsPerBoard), so an archive keeps every version.
 */
export const MAX_NAMED_VERSIONS = 200;
