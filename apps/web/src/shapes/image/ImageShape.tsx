import { memo, useEffect, useState } from 'react';
import type { ImageShape as ImageModel } from '@carton/board';
import { fetchImage } from '../../board/api';
import { useSession } from '../../board/context';
import type { ShapeComponentProps } from '../types';
import { ImagePicture } from './ImagePicture';

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
  return <ImagePicture shape={shape} image={detail === 'low' ? null : image} fading={fading} />;
});
