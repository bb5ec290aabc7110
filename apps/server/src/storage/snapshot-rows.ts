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
