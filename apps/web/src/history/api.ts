// The server's version history (apps/server/SPEC.md R27, R37), facilitator token only.
import { apiRequest } from '../board/api';

export type VersionKind = 'auto' | 'named';

export interface BoardVersion {
  id: number;
  boardId: string;
  kind: VersionKind;
  name: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  bytes: number;
}

export interface RestoreOutcome {
  restored: { snapshotId: number; shapes: number; deleted: number; created: number };
  previous: BoardVersion;
}

function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  return apiRequest(path, init, token);
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/snapshots`;

export async function listVersions(boardId: string, token: string): Promise<BoardVersion[]> {
  const body = await call<{ snapshots: BoardVersion[] }>(base(boardId), token);
  return body.snapshots;
}

export async function saveVersion(
  boardId: string,
  token: string,
  name: string,
): Promise<BoardVersion> {
  const body = await call<{ snapshot: BoardVersion }>(base(boardId), token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return body.snapshot;
}

/** The version as a board file (the same format as a board's export.json). */
export function fetchVersionFile(boardId: string, token: string, id: number): Promise<unknown> {
  return call<unknown>(`${base(boardId)}/${id}/export.json`, token);
}

export function restoreVersion(
  boardId: string,
  token: string,
  id: number,
): Promise<RestoreOutcome> {
  return call<RestoreOutcome>(`${base(boardId)}/${id}/restore`, token, { method: 'POST' });
}
