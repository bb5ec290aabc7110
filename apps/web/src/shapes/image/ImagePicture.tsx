// How an image shape is painted once its picture is in hand (or is not: a grey placeholder of
// the same box). The canvas fetches the picture itself after mounting; the PNG export fetches
// every picture first; both paint through here, so an export matches the board.
import { Image, Rect } from 'react-konva';
import type { ImageShape as ImageModel } from '@carton/board';
import { deg } from '../note/NoteShape';

export function ImagePicture({
  shape,
  image,
  fading,
}: {
  shape: ImageModel;
  /** The picture or its far copy; null: not loaded, or failed. */
  image: CanvasImageSource | null;
  fading: boolean;
}) {
  if (!image) {
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
}
