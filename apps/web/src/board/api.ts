// The server's HTTP API as the client uses it. Tokens travel only in the Authorization header.
export type Role = 'edit' | 'view' | 'facilitator';
export interface BoardInfo {
  board: { id: string; title: string; kind: string; territory: string | null; forumId: string };
  role: Role;
}
export interface UploadedImage {
  blobId: string;
  mime: string;
  width: number;
  height: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's answer to any link of a forum its facilitators deleted (server R70). */
export function isForumDeleted(error: unknown): boolean {
  return error instanceof ApiError && error.status === 410 && error.code === 'forum_deleted';
}

/**
 * One call to the API: `token` (if any) goes in the Authorization header; a failure becomes an
 * ApiError with the server's `{ error: { code, message } }`, or `network` when offline.
 */
export async function apiRequest<T>(
  path: string,
  init: RequestInit = {},
  token: string | null = null,
): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let code = 'http_error';
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, code, message);
  }
  return (await response.json()) as T;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  return apiRequest(`/api/boards/${encodeURIComponent(boardId)}`, {}, token);
}

/**
 * How long a photo's upload may take before it is given up as lost: at least 30 s, more for a
 * bigger file at a slow venue's ~10 KB/s, never past the server's own 120 s for a request's body
 * (CARTON_BODY_TIMEOUT_MS) and a little margin. A link that stays up but forwards nothing left
 * « Envoi de l’image… » on screen for good; now the photo is said not sent, to choose again.
 */
export function uploadDeadlineMs(bytes: number): number {
  return Math.min(130_000, Math.max(30_000, bytes / 10));
}

export async function uploadImage(
  boardId: string,
  token: string,
  file: Blob,
): Promise<UploadedImage> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), uploadDeadlineMs(file.size));
  try {
    return await apiRequest(
      `/api/boards/${encodeURIComponent(boardId)}/images`,
      {
        method: 'POST',
        headers: { 'Content-Type': file.type },
        body: file,
        signal: abort.signal,
      },
      token,
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Images need the bearer token, so they are fetched and shown from an object URL. `small`: the
 * server's copy for drawing on screen (longer side at most 512 px); exports take the whole one.
 */
export async function fetchImage(
  boardId: string,
  token: string,
  blobId: string,
  copy: 'small' | 'full' = 'full',
): Promise<Blob> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/images/${encodeURIComponent(blobId)}${copy === 'small' ? '/small' : ''}`;
  const response = await fetch(path, { headers: bearer(token) });
  if (!response.ok) throw new ApiError(response.status, 'image_unavailable', response.statusText);
  return response.blob();
}

export function wsUrl(path: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${path}`;
}
