// « Chargement du tableau… » while the board page's code arrives, then while that page gets the
// board's info, its socket and fonts (one wait). On a venue's overloaded wifi (400 kbps) the code
// alone is ~6.5 s after the name is given: past 4 s, the same reassuring line as the
// page's first loading screen (index.html) says the page is coming, once, in a polite live region
// present from the start (a screen reader hears the line as it fills, not the region's arrival).
// The projector's first wait (its code, the board's info, its socket) says it too (ProjectorRoute).
import { useEffect, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** How long a plain « Chargement… » is left alone before the network is said to be slow. */
export const SLOW_AFTER_MS = 4_000;

/**
 * `since` holds when this wait began (set at the first showing, null to start again): the loading
 * text is put back in place between the board's info, the code and the board page's own loading
 * (several places in the tree), the wait goes on.
 */
export function BoardLoading({
  since,
  className = 'page-message',
}: {
  since: MutableRefObject<number | null>;
  /** The page's own place for it (the projector's slide area); a page's message by default. */
  className?: string;
}) {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (since.current === null) since.current = Date.now();
    const timer = setTimeout(
      () => setSlow(true),
      Math.max(0, since.current + SLOW_AFTER_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [since]);
  return (
    <div className={className}>
      <p className="board-loading">{t('board.loading')}</p>
      <p className="board-loading-slow" role="status">
        {slow ? t('board.slowNetwork') : ''}
      </p>
    </div>
  );
}
