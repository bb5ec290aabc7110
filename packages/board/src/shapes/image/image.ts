import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];

/**
 * A photo (of a flyer, a carton): the bytes live in blob storage under `blobId`; the document
 * holds only the reference, the natural size and the displayed size.
 */
export interface ImageShape extends BaseShape {
  readonly type: 'image';
  readonly blobId: string;
  readonly mime: ImageMimeType;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  readonly w: number;
  readonly h: number;
}

const imageProps = {
  blobId: z.string().min(1).max(200),
  mime: z.enum(IMAGE_MIME_TYPES),
  naturalWidth: z.number().int().min(1).max(100_000),
  naturalHeight: z.number().int().min(1).max(100_000),
  w: sizeSchema,
  h: sizeSchema,
};

export const imageDefinition = defineShape<ImageShape, typeof imageProps>({
  type: 'image',
  props: imageProps,
  // A placeholder; real images are created with their blob's id and size.
  defaults: () => ({
    blobId: 'missing',
    mime: 'image/png',
    naturalWidth: 1,
    naturalHeight: 1,
    w: 320,
    h: 240,
  }),
  migrations: [],
  localBox: (image) => ({ x: 0, y: 0, w: image.w, h: image.h }),
});
