// « Retirer » on each photo waiting to be sent (board/photoSender.ts): the participant who chose
// the wrong photo, or no longer wants it, takes it back before it reaches the board. A button
// over the canvas (the photo's top right corner), so a finger, a mouse and the keys all reach it;
// a click on the photo itself chooses it (board/input.ts focuses its button), and Suppr or
// Retour arrière then removes it, as they delete a chosen shape.
import { useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionState } from '../board/context';
import { placedSize } from '../board/images';
import { focusCanvas } from '../board/navigate';
import { worldToScreen } from '../geometry/camera';
import './WaitingPhotoRemove.css';

export function WaitingPhotoRemove() {
  const { t } = useTranslation();
  const { photos } = useSession();
  const waiting = useSyncExternalStore(photos.subscribe, photos.list);
  const camera = useSessionState((s) => s.camera);
  if (waiting.length === 0) return null;
  const remove = (id: string) => {
    void photos.remove(id);
    // Its button goes with it: the keys stay on the board.
    focusCanvas();
  };
  const onKeyDown = (id: string) => (e: KeyboardEvent) => {
    if (e.key !== 'Delete' && e.key !== 'Backspace') return;
    // Not the board's Delete too (installKeyboard listens on the window).
    e.preventDefault();
    e.stopPropagation();
    remove(id);
  };
  return (
    <div className="waiting-photo-remove-layer">
      {waiting.map((photo) => {
        const { w, h } = placedSize(photo.width, photo.height);
        const corner = worldToScreen(camera, {
          x: photo.centre.x + w / 2,
          y: photo.centre.y - h / 2,
        });
        return (
          <button
            key={photo.id}
            type="button"
            className="waiting-photo-remove"
            data-waiting-photo={photo.id}
            aria-label={t('image.removeLabel')}
            style={{ transform: `translate(${corner.x}px, ${corner.y}px) translate(-100%, 0)` }}
            onClick={() => remove(photo.id)}
            onKeyDown={onKeyDown(photo.id)}
          >
            {t('image.remove')}
          </button>
        );
      })}
    </div>
  );
}
