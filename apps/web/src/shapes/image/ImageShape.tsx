import { memo, useEffect, useState } from 'react';
import type { ImageShape as ImageModel } from '@carton/board';
import { useSession } from '../../board/context';
import type { ShapeComponentProps } from '../types';
import { ImagePicture } from './ImagePicture';
import { pictureChoice } from './farPicture';
import { loadFarPicture, loadPicture } from './pictureCache';
import { pictureRetryDelay, pictureWorthRetrying } from './pictureRetry';

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
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A fetch the venue's wifi or a busy server failed is tried again, later each time: the
    // photo stayed a grey block on this screen until the page was reloaded.
    const attempt = (tries: number) =>
      loadPicture(session.boardId, session.token, shape.blobId).then(
        (img) => live && setImage(img),
        (error: unknown) => {
          if (live && pictureWorthRetrying(error)) {
            retry = setTimeout(() => attempt(tries + 1), pictureRetryDelay(tries));
          }
        },
      );
    void attempt(0);
    return () => {
      live = false;
      clearTimeout(retry);
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
