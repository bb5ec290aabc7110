import { createHash } from 'node:crypto';
import { jpegOrientation, ORIENTATION_PROBE_BYTES } from '@carton/render';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BLOB_ID_PATTERN } from '../blobs/blob-store.ts';
import { MAX_UPLOAD_PIXELS, sniffImage, type ImageMime } from '../blobs/image-type.ts';
import { SMALL_IMAGE_SIDE, SMALL_JPEG_QUALITY } from '../blobs/small-image.ts';
import { canWrite } from '../forums/access.ts';
import type { AppDeps } from './app.ts';
import type { BoardAccessCheck } from './board-access.ts';
import { jsonError } from './errors.ts';

export const IMAGE_UPLOAD_PATH = /^\/api\/boards\/[^/]+\/images\/?$/;

// R35's pixel limit lives beside the sniffing (the small copies, R71, decode under it too).
export { MAX_UPLOAD_PIXELS };

/**
 * R35: the size every reader draws the photo at. A phone held upright stores its photo
 * sideways with an EXIF orientation saying to turn it (5 to 8: a quarter turn); browsers turn
 * it as they draw it, so its upright width and height are its header's swapped. Answered as
 * stored, a client placed a portrait photo in a landscape box, squashed.
 */
export function uprightSize(
  mime: ImageMime,
  size: { width: number; height: number },
  bytes: Uint8Array,
): { width: number; height: number } {
  if (mime !== 'image/jpeg') return size;
  const turned = jpegOrientation(bytes.subarray(0, ORIENTATION_PROBE_BYTES)) >= 5;
  return turned ? { width: size.height, height: size.width } : size;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/**
 * R35, R36, R71: photos for image shapes. Uploads need a token that may write the board; the bytes
 * are sniffed (the Content-Type header is ignored), stored once per forum under their SHA-256,
 * and served only to holders of a token of a board of that forum.
 */
export function registerImageRoutes(app: Hono, deps: AppDeps, access: BoardAccessCheck): void {
  const maxBytes = deps.maxImageBytes;
  const tooLarge = (c: Context) =>
    jsonError(c, 413, 'image_too_large', `An image must be at most ${maxBytes} bytes.`);

  app.post(
    '/api/boards/:id/images',
    // The token first: nobody sends 10 MB to a board they cannot write.
    async (c, next) => {
      const granted = await access(c);
      if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
      if (!canWrite(granted.role)) {
        return jsonError(c, 403, 'forbidden', 'A view link cannot add images.');
      }
      const declared = Number(c.req.header('Content-Length') ?? '0');
      if (declared > maxBytes) return tooLarge(c);
      await next();
    },
    bodyLimit({ maxSize: maxBytes, onError: tooLarge }),
    async (c) => {
      const granted = await access(c);
      if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
      const data = new Uint8Array(await c.req.arrayBuffer());
      if (data.byteLength === 0) return jsonError(c, 400, 'broken_image', 'The body is empty.');
      if (data.byteLength > maxBytes) return tooLarge(c);
      const sniffed = sniffImage(data);
      if (!sniffed.ok) {
        return sniffed.reason === 'unsupported_type'
          ? jsonError(c, 415, 'unsupported_image_type', sniffed.message)
          : jsonError(c, 400, 'broken_image', sniffed.message);
      }
      if (sniffed.width * sniffed.height > MAX_UPLOAD_PIXELS) {
        const message = `The image has more than ${MAX_UPLOAD_PIXELS} pixels.`;
        return jsonError(c, 400, 'broken_image', message);
      }
      const { width, height } = uprightSize(sniffed.mime, sniffed, data);
      const forumId = granted.board.forumId;
      const blobId = createHash('sha256').update(data).digest('hex');
      // R35: the quota is checked in the store's transaction (two uploads at once cannot both
      // pass it); an image the forum has already costs nothing.
      const stored = await deps.blobs.put(
        forumId,
        [
          {
            info: {
              blobId,
              mime: sniffed.mime,
              width,
              height,
              bytes: data.byteLength,
            },
            data,
          },
        ],
        deps.maxForumImageBytes,
      );
      const info = stored?.[0];
      if (!info) {
        return jsonError(c, 507, 'image_quota_exceeded', 'This forum has no room for more images.');
      }
      deps.log.info('image_stored', {
        board: granted.board.id,
        bytes: info.bytes,
        mime: info.mime,
      });
      // This upload's upright size, not the row's: a row stored before R35 said so holds the
      // header's, sideways.
      return c.json({ blobId: info.blobId, mime: info.mime, width, height }, 201);
    },
  );

  app.get('/api/boards/:id/images/:blobId', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const blobId = c.req.param('blobId').toLowerCase();
    const blob = BLOB_ID_PATTERN.test(blobId)
      ? await deps.blobs.get(granted.board.forumId, blobId)
      : null;
    if (!blob) return notFound(c);
    return answerImage(c, { etag: `"${blob.blobId}"`, name: blob.blobId, ...blob });
  });

  // R71: the photo upright, at most SMALL_IMAGE_SIDE on a side, for the phones that draw it
  // small; R36's access and headers, its own ETag. A photo that cannot be decoded answers its
  // full bytes: a participant must still see it.
  app.get('/api/boards/:id/images/:blobId/small', async (c) => {
    const granted = await access(c);
    if (!granted.ok) return jsonError(c, granted.status, granted.code, granted.message);
    const blobId = c.req.param('blobId').toLowerCase();
    if (!BLOB_ID_PATTERN.test(blobId)) return notFound(c);
    const forumId = granted.board.forumId;
    const small = await deps.smallImages.get(forumId, blobId, () =>
      deps.blobs.get(forumId, blobId),
    );
    if (!small) return notFound(c);
    // The copy's settings are in its ETag: a later Carton that makes them otherwise is not
    // answered 304 for a copy made the old way.
    const etag = `"${blobId}-small${SMALL_IMAGE_SIDE}q${SMALL_JPEG_QUALITY}"`;
    return answerImage(c, { etag, name: `${blobId}-small`, ...small });
  });
}

const notFound = (c: Context) =>
  jsonError(c, 404, 'image_not_found', 'No such image on this board.');

/** R36's headers, for the image and its small copy (R71). */
function answerImage(
  c: Context,
  image: { etag: string; name: string; mime: ImageMime; data: Uint8Array },
): Response {
  // Content-addressed: the bytes behind an id never change. Private: it took a token.
  c.header('Cache-Control', 'private, max-age=31536000, immutable');
  c.header('ETag', image.etag);
  c.header('Content-Disposition', `inline; filename="${image.name}.${EXTENSIONS[image.mime]}"`);
  // An image opened on its own runs nothing, whatever a browser thinks it is.
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  if (c.req.header('If-None-Match') === image.etag) return c.body(null, 304);
  c.header('Content-Type', image.mime);
  c.header('Content-Length', String(image.data.byteLength));
  return c.body(image.data as Uint8Array<ArrayBuffer>, 200);
}
