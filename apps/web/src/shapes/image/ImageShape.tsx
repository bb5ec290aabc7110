import { memo, useEffect, useMemo, useState } from 'react';
import { shapeBounds, type ImageShape as ImageModel } from '@carton/board';
import { useSession, useSessionState } from '../../board/context';
import { visibleWorldRect } from '../../geometry/camera';
import type { ShapeComponentProps } from '../types';
import { ImagePicture } from './ImagePicture';
import { pictureChoice } from './farPicture';
import { boardPictures, loadFarPicture } from './pictureCache';
import { seenInView, wantsWholePicture, type LoadedPicture } from './pictureCopies';
import { keepLoading } from './pictureRetry';

export const ImageShape = memo(function ImageShape({
  shape,
  detail,
  fading,
}: ShapeComponentProps<ImageModel>) {
  const session = useSession();
  const copies = useMemo(
    () => boardPictures(session.boardId, session.token),
    [session.boardId, session.token],
  );
  const blobId = shape.blobId;
  // Mounted again (scrolled back into view), a photo shows at once what was already fetched.
  const [picture, setPicture] = useState<LoadedPicture<HTMLImageElement> | null>(() =>
    copies.best(blobId),
  );
  const [far, setFar] = useState<CanvasImageSource | null>(null);
  // A fetch the venue's wifi or a busy server failed is tried again, later each time: the
  // photo stayed a grey block on this screen until the page was reloaded.
  useEffect(() => {
    setPicture(copies.best(blobId));
    return keepLoading(
      () => copies.loadSmall(blobId),
      () => setPicture(copies.best(blobId)),
    );
  }, [copies, blobId]);
  // On screen bigger than the small copy shows sharply (zoomed into, on a screen of 2× or 3×):
  // the whole picture, drawn once decoded (the small one until then, so nothing flashes).
  const long = Math.max(shape.w, shape.h);
  const box = useMemo(() => shapeBounds(shape), [shape]);
  const natural = { width: shape.naturalWidth, height: shape.naturalHeight };
  const whole = useSessionState(
    (s) =>
      detail === 'full' &&
      picture !== null &&
      wantsWholePicture(long * s.camera.zoom * window.devicePixelRatio, picture, natural) &&
      seenInView(box, visibleWorldRect(s.camera, s.viewport)),
  );
  useEffect(() => {
    if (!whole) return;
    return keepLoading(
      () => copies.loadFull(blobId),
      () => setPicture(copies.best(blobId)),
    );
  }, [whole, copies, blobId]);
  const farWanted = detail === 'low' && picture !== null;
  useEffect(() => {
    if (!farWanted) return;
    let live = true;
    loadFarPicture(copies, blobId).then(
      (copy) => live && setFar(copy),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [farWanted, copies, blobId]);
  const choice = pictureChoice(detail, picture !== null, far !== null);
  const drawn = choice === 'picture' ? (picture?.source ?? null) : choice === 'far' ? far : null;
  return <ImagePicture shape={shape} image={drawn} fading={fading} />;
});
