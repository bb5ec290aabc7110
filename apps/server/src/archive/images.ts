import { createHash } from 'node:crypto';
import type { BoardFileImage, BoardFileShape } from '@carton/board';
import type { BlobInfo } from '../blobs/blob-store.ts';
import { sniffImage } from '../blobs/image-type.ts';
import { ArchiveError } from './errors.ts';

export interface PreparedImage {
  readonly info: BlobInfo;
  readonly data: Uint8Array;
}

/**
 * Embedded images checked like uploads (R35: sniffed, never trusted by name or mime), keyed by
 * the SHA-256 of their bytes. A file's key that is not that hash is remapped (content-addressed
 * storage); `where` prefixes error paths.
 */
export function prepareImages(
  images: Readonly<Record<string, BoardFileImage>>,
  where: string,
): { images: Map<string, PreparedImage>; remap: Map<string, string> } {
  const prepared = new Map<string, PreparedImage>();
  const remap = new Map<string, string>();
  for (const [key, image] of Object.entries(images)) {
    const data = new Uint8Array(Buffer.from(image.data, 'base64'));
    const sniffed = sniffImage(data);
    if (!sniffed.ok) {
      throw new ArchiveError('broken_image', sniffed.message, `${where}images.${key}`);
    }
    const blobId = createHash('sha256').update(data).digest('hex');
    const info: BlobInfo = {
      blobId,
      mime: sniffed.mime,
      width: sniffed.width,
      height: sniffed.height,
      bytes: data.byteLength,
    };
    prepared.set(blobId, { info, data });
    if (key !== blobId) remap.set(key, blobId);
  }
  return { images: prepared, remap };
}

/** Image shapes pointed at their blobs' content ids. */
export function remapBlobIds<T extends BoardFileShape>(
  shapes: readonly T[],
  remap: ReadonlyMap<string, string>,
): T[] {
  if (remap.size === 0) return [...shapes];
  return shapes.map((shape) => {
    const blobId = shape.type === 'image' ? remap.get(shape['blobId'] as string) : undefined;
    return blobId === undefined ? shape : { ...shape, blobId };
  });
}
