// The board's images, fetched with the page's bearer token: as base64 for a self-contained file
// (JSON, SVG) or as decoded pictures for a raster. Fetched a few at a time so a board with many
// photos neither floods the server (429) nor leaves the progress bar still.
import { IMAGE_MIME_TYPES, type BoardFileImage, type ImageMimeType } from '@carton/board';
import { fetchImage } from '../board/api';
import { drawnAsStored, withoutOrientationBlock } from '../shapes/image/unturned';

export type Progress = (done: number, total: number) => void;

async function eachLimited<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  progress?: Progress,
  concurrency = 4,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  progress?.(0, items.length);
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      out[at] = await work(items[at] as T);
      progress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Each distinct blob fetched once and turned into `T` by `read`; a blob the server cannot give,
 * or that `read` refuses (null) or fails on, maps to null: the caller draws a placeholder.
 */
async function fetchEachImage<T>(
  boardId: string,
  token: string,
  blobIds: readonly string[],
  read: (blob: Blob) => Promise<T | null>,
  progress?: Progress,
): Promise<Map<string, T | null>> {
  const unique = [...new Set(blobIds)];
  const results = await eachLimited(
    unique,
    async (blobId) => {
      try {
        return await read(await fetchImage(boardId, token, blobId));
      } catch {
        return null;
      }
    },
    progress,
  );
  return new Map(unique.map((id, i) => [id, results[i] ?? null]));
}

/**
 * Blob id → `{ mime, data }`; an image the server cannot give is left out (null). `asDrawn` (a
 * drawing: an SVG a browser opens) leaves out a PNG's or WebP's EXIF block, which would turn it
 * there and nowhere in Carton (unturned.ts); a board file keeps the stored bytes.
 */
export function fetchImagesAsBase64(
  boardId: string,
  token: string,
  blobIds: readonly string[],
  progress?: Progress,
  asDrawn = false,
): Promise<Map<string, BoardFileImage | null>> {
  return fetchEachImage(
    boardId,
    token,
    blobIds,
    async (blob): Promise<BoardFileImage | null> => {
      const mime = blob.type.split(';')[0] as ImageMimeType;
      if (!IMAGE_MIME_TYPES.includes(mime)) return null;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return { mime, data: bytesToBase64(asDrawn ? withoutOrientationBlock(bytes) : bytes) };
    },
    progress,
  );
}

/** Blob id → decoded picture (null where the fetch or the decoding failed: a placeholder). */
export function fetchImagesDecoded(
  boardId: string,
  token: string,
  blobIds: readonly string[],
  progress?: Progress,
): Promise<Map<string, HTMLImageElement | null>> {
  return fetchEachImage(
    boardId,
    token,
    blobIds,
    async (fetched) => {
      // Drawn as the board draws it: a PNG's EXIF orientation turns nothing (unturned.ts).
      const url = URL.createObjectURL(await drawnAsStored(fetched));
      const img = new Image();
      img.src = url;
      try {
        await img.decode();
      } finally {
        URL.revokeObjectURL(url);
      }
      return img;
    },
    progress,
  );
}
