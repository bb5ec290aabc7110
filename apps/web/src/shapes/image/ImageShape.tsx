import { memo, useEffect, useState } from 'react';
import type { ImageShape as ImageModel } from '@carton/board';
import { useSession } from '../../board/context';
import type { ShapeComponentProps } from '../types';
import { ImagePicture } from './ImagePicture';
import { pictureChoice } from './farPicture';
import { loadFarPicture, loadPicture } from './pictureCache';

export const ImageShape = memo(function ImageShape({
  shape,
  detail,
  fading,
}: ShapeComponentProps<ImageModel>) {
  const session = useSession();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [far, setFar] = useState<CanvasImageSource | null>(null);
  useEffect(() => {
    let live = true;
    loadPicture(session.boardId, session.token, shape.blobId).then(
      (img) => live && setImage(img),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, shape.blobId]);
  const farWanted = detail === 'low' && image !== null;
  useEffect(() => {
    if (!farWanted) return;
    let live = true;
    loadFarPicture(session.boardId, session.token, shape.blobId).then(
      (copy) => live && setFar(copy),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [farWanted, session, shape.blobId]);
  const choice = pictureChoice(detail, image !== null, far !== null);
  const drawn = choice === 'picture' ? image : choice === 'far' ? far : null;
  return <ImagePicture shape={shape} image={drawn} fading={fading} />;
});
