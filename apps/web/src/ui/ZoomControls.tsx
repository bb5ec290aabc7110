import { useTranslation } from 'react-i18next';
import { resetZoom, zoomBy, zoomToFit } from '../board/actions';
import { useSession, useSessionState } from '../board/context';
import { zoomPercent } from '../geometry/camera';
import { Icon } from './icons';
import { useShortcutLabel } from './shortcuts';

export function ZoomControls() {
  const session = useSession();
  const { t } = useTranslation();
  const label = useShortcutLabel();
  const percent = useSessionState((s) => zoomPercent(s.camera));
  return (
    <div className="zoom" role="group" aria-label={t('actions.zoomLevel')}>
      <button
        type="button"
        className="tool"
        aria-label={t('actions.zoomOut')}
        title={t('actions.zoomOut')}
        onClick={() => zoomBy(session, 0.8)}
      >
        −
      </button>
      <button
        type="button"
        className="zoom-level"
        data-testid="zoom"
        aria-label={t('actions.zoomReset', { percent })}
        title={t('actions.zoomLevel')}
        onClick={() => resetZoom(session)}
      >
        {t('actions.zoomPercent', { percent })}
      </button>
      <button
        type="button"
        className="tool"
        aria-label={t('actions.zoomIn')}
        title={t('actions.zoomIn')}
        onClick={() => zoomBy(session, 1.25)}
      >
        +
      </button>
      <button
        type="button"
        className="tool"
        aria-label={label('actions.zoomFit', 'zoomFit')}
        title={label('actions.zoomFit', 'zoomFit')}
        onClick={() => zoomToFit(session)}
      >
        <Icon name="fit" />
      </button>
    </div>
  );
}
