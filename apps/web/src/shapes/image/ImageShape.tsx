import { memo, useEffect, useState } from 'react';
import { Image, Rect } from 'react-konva';
import type { ImageShape as ImageModel } from '@carton/board';
import { fetchImage } from '../../board/api';
import { useSession } from '../../board/context';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

// Images need the bearer token: fetched once per blob, shown from an object URL.
const cache = new Map<string, Promise<HTMLImageElement>>();

function loadImage(boardId: string, token: string, blobId: string): Promise<HTMLImageElement> {
  let pending = cache.get(blobId);
  if (!pending) {
    pending = fetchImage(boardId, token, blobId).then(
      (blob) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new window.Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = URL.createObjectURL(blob);
        }),
    );
    pending.catch(() => cache.delete(blobId));
    cache.set(blobId, pending);
  }
  return pending;
}

export const ImageShape = memo(function ImageShape({
  shape,
  detail,
  fading,
}: ShapeComponentProps<ImageModel>) {
  const session = useSession();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    let live = true;
    loadImage(session.boardId, session.token, shape.blobId).then(
      (img) => live && setImage(img),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, shape.blobId]);
  if (!image || detail === 'low') {
    return (
      <Rect
        x={shape.x}
        y={shape.y}
        rotation={deg(shape.rotation)}
        width={shape.w}
        height={shape.h}
        fill="#d8d2c4"
      />
    );
  }
  return (
    <Image
      image={image}
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      width={shape.w}
      height={shape.h}
      opacity={fading ? 0.3 : 1}
    />
  );
});
