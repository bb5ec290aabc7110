// Archives as older Cartons wrote them, and archives edited by hand, for this folder's tests.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import type { ArchiveManifest } from './manifest.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The archive's files, changed by `edit` (manifest included, as an object), zipped again. */
export function editArchive(
  zip: Uint8Array,
  edit: (files: Record<string, Uint8Array>, manifest: ArchiveManifest) => void,
  options: { rehash?: boolean } = {},
): Uint8Array {
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as ArchiveManifest;
  edit(files, manifest);
  if (options.rehash !== false) {
    for (const file of manifest.files) {
      const data = files[file.path];
      if (!data) continue;
      file.sha256 = sha256(data);
      file.bytes = data.byteLength;
    }
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files);
}

/**
 * A version 2 archive as version 1 wrote it: no `images/`, each board file embedding the
 * images it shows as base64, each version only those its board's file and earlier versions
 * do not (each photo once per board).
 */
export function asVersion1(zip: Uint8Array): Uint8Array {
  return editArchive(zip, (files, manifest) => {
    const images = new Map(
      (manifest.images ?? []).map((image) => [
        image.blobId,
        { mime: image.mime, data: Buffer.from(files[image.path]!).toString('base64') },
      ]),
    );
    for (const image of manifest.images ?? []) delete files[image.path];
    manifest.files = manifest.files.filter((file) => files[file.path]);
    delete manifest.images;
    manifest.version = 1;
    for (const board of manifest.boards) {
      const embedded = new Set<string>();
      for (const path of [board.json, ...(board.versions ?? []).map((v) => v.json)]) {
        const file = JSON.parse(strFromU8(files[path]!)) as {
          shapes: { type: string; blobId?: string }[];
          images?: Record<string, unknown>;
        };
        const own: Record<string, unknown> = {};
        for (const shape of file.shapes) {
          const image = shape.blobId === undefined ? undefined : images.get(shape.blobId);
          if (shape.type !== 'image' || !image || embedded.has(shape.blobId!)) continue;
          own[shape.blobId!] = image;
          embedded.add(shape.blobId!);
        }
        if (Object.keys(own).length > 0) file.images = own;
        files[path] = strToU8(`${JSON.stringify(file, null, 2)}\n`);
      }
    }
  });
}

/**
 * A photo that does not compress (seeded noise, RGB, unfiltered, deflate level 1): about
 * width × height × 3 bytes, like the phone pictures of flyers a forum collects.
 */
export function noisePng(width: number, height: number, seed: number): Uint8Array {
  const rgb = { colorType: 2, inputColorType: 2, inputHasAlpha: false } as const;
  const png = new PNG({ width, height, ...rgb });
  let state = seed >>> 0 || 1;
  for (let i = 0; i < width * height * 3; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    png.data[i] = state & 0xff;
  }
  return new Uint8Array(PNG.sync.write(png, { ...rgb, filterType: 0, deflateLevel: 1 }));
}

/** An archive's files, by name (for tests that edit them as bytes, the manifest included). */
export function archiveFiles(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** Files zipped as they are: no checksum followed, the manifest as given. */
export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}
