// Test support with no dependency (unit tests here, cross-process tests in tests/ import it
// directly): a board file as the editor exports it, with one embedded photo.

/** A photo's size and type as the tests' board files give it (a 40 × 30 PNG drawn 400 × 300). */
export const TEST_PHOTO = {
  w: 400,
  h: 300,
  mime: 'image/png',
  naturalWidth: 40,
  naturalHeight: 30,
} as const;

/**
 * A board file whose one shape shows `png` as `blobId` (embedded, as the editor exports it);
 * a territory's « Conditions de succès » unless `meta` names another board.
 */
export function boardFileWithPhoto<K extends string>(
  png: Uint8Array,
  blobId: K,
  meta: { title: string; kind: string } = { title: 'Conditions de succès', kind: 'territory' },
) {
  return {
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, ...meta },
    shapes: [
      {
        id: 'shape:image0000000000000000001',
        type: 'image',
        x: 0,
        y: 0,
        rotation: 0,
        index: 'a0',
        parentId: null,
        blobId,
        ...TEST_PHOTO,
      },
    ],
    images: {
      [blobId]: { mime: 'image/png', data: Buffer.from(png).toString('base64') },
    } as Record<K, { mime: string; data: string }>,
  };
}
