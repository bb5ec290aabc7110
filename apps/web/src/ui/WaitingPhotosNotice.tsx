// « 1 photo en attente d'envoi »: the photos kept on this device until the network answers
// (board/photoSender.ts), said in words and to screen readers; the canvas marks each one too.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import './WaitingPhotosNotice.css';

export function WaitingPhotosNotice() {
  const { t } = useTranslation();
  const { photos } = useSession();
  const waiting = useSyncExternalStore(photos.subscribe, photos.list);
  // Not one being sent as it was chosen; one tried again after waiting, still.
  const count = waiting.filter((photo) => photo.waited).length;
  return (
    <p className="waiting-photos" role="status" data-testid="waiting-photos" data-count={count}>
      {count > 0 ? t('image.waitingCount', { count }) : ''}
    </p>
  );
}
