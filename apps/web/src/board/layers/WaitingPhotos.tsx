// Photos chosen here and not yet on the board (board/photoSender.ts), drawn on this screen only,
// where they will be placed, faded, with a dashed outline and « en attente d'envoi »: the
// participant sees the photo at once, and that it is not yet shared. Nobody else sees them.
import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Image, Label, Layer, Rect, Tag, Text } from 'react-konva';
import { FONT_FAMILY } from '../../shapes/common/fonts';
import { useSession } from '../context';
import { placedSize } from '../images';
import type { WaitingPhoto } from '../photoSender';

const MARK_FONT_PX = 13;

/** The waiting photos' own layer, made only while there are some. */
export function WaitingPhotosLayer({ zoom }: { zoom: number }) {
  const { photos } = useSession();
  const waiting = useSyncExternalStore(photos.subscribe, photos.list);
  if (waiting.length === 0) return null;
  return (
    <Layer listening={false}>
      {waiting.map((photo) => (
        <WaitingPhotoNode key={photo.id} photo={photo} zoom={zoom} />
      ))}
    </Layer>
  );
}

const WaitingPhotoNode = memo(function WaitingPhotoNode({
  photo,
  zoom,
}: {
  photo: WaitingPhoto;
  zoom: number;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(photo.blob);
    const img = new window.Image();
    img.onload = () => setImage(img);
    img.src = url;
    return () => {
      img.onload = null;
      URL.revokeObjectURL(url);
    };
  }, [photo.blob]);
  const { w, h } = placedSize(photo.width, photo.height);
  const x = photo.centre.x - w / 2;
  const y = photo.centre.y - h / 2;
  return (
    <>
      {image ? (
        <Image image={image} x={x} y={y} width={w} height={h} opacity={0.55} />
      ) : (
        <Rect x={x} y={y} width={w} height={h} fill="#d8d2c4" opacity={0.55} />
      )}
      <Rect
        x={x}
        y={y}
        width={w}
        height={h}
        stroke="#6b5a3a"
        strokeWidth={2 / zoom}
        dash={[8 / zoom, 6 / zoom]}
      />
      <Label x={x + 6 / zoom} y={y + 6 / zoom} scaleX={1 / zoom} scaleY={1 / zoom}>
        <Tag fill="#322" cornerRadius={5} opacity={0.85} />
        <Text
          text={t(photo.state === 'sending' ? 'image.sendingMark' : 'image.waitingMark')}
          fontFamily={FONT_FAMILY}
          fontSize={MARK_FONT_PX}
          fill="#fff"
          padding={5}
        />
      </Label>
    </>
  );
});
