// The server's HTTP API as the client uses it. Tokens travel only in the Authorization header.
export type Role = 'edit' | 'view' | 'facilitator';
export interface BoardInfo {
  board: { id: string; title: string; kind: string; territory: string | null; forumId: string };
  role: Role;
}
export interface ForumBoardLink {
  id: string;
  kind: 'plenary' | 'territory' | 'postcards';
  title: string;
  territory: string | null;
  edit: { token: string; url: string };
  view: { token: string; url: string };
}
export interface CreatedForum {
  forum: { id: string; title: string };
  facilitator: { token: string; url: string };
  boards: ForumBoardLink[];
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

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
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
  return request(`/api/boards/${encodeURIComponent(boardId)}`, { headers: bearer(token) });
}

export function createForum(title: string, territories?: string[]): Promise<CreatedForum> {
  return request('/api/forums', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(territories?.length ? { title, territories } : { title }),
  });
}

export function uploadImage(boardId: string, token: string, file: Blob): Promise<UploadedImage> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/images`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': file.type },
    body: file,
  });
}

/** Images need the bearer token, so they are fetched and shown from an object URL. */
export async function fetchImage(boardId: string, token: string, blobId: string): Promise<Blob> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/images/${encodeURIComponent(blobId)}`;
  const response = await fetch(path, { headers: bearer(token) });
  if (!response.ok) throw new ApiError(response.status, 'image_unavailable', response.statusText);
  return response.blob();
}

export function wsUrl(path: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${path}`;
}
