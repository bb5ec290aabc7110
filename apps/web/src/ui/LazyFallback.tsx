// Panels loaded on demand (« Exporter / Importer », « Versions », the mosaic): the board's first
// load no longer carries their code. While a chunk arrives (the first press over slow wifi) the
// page says « Chargement… »; if it cannot arrive (wifi gone, or the server was updated since the
// page opened and that build's chunks are gone) it says so instead of taking the board down.
import { lazy, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import {
  prefetchPanel,
  saveDataAsked,
  whenIdleAfterFirstFrame,
  type PrefetchPage,
} from './LazyFallbackPrefetch';

const STYLE = {
  position: 'fixed',
  top: '50%',
  left: '50%',
  transform: 'translate(-50%, -50%)',
  zIndex: 1000,
  maxWidth: '90vw',
  padding: '0.75rem 1.25rem',
  borderRadius: '0.5rem',
  background: '#fff',
  color: '#1d1d1b',
  boxShadow: '0 4px 16px rgba(0, 0, 0, 0.2)',
} as const;

export function LazyFallback() {
  const { t } = useTranslation();
  return (
    <div role="status" data-testid="lazy-loading" style={STYLE}>
      {t('lazy.loading')}
    </div>
  );
}

function LazyFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" style={STYLE}>
      {t('lazy.failed')}
    </div>
  );
}

/** React.lazy for a panel, tried twice (a dropped packet on venue wifi), then a message. */
export function lazyPanel<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    try {
      return { default: await load() };
    } catch {
      try {
        return { default: await load() };
      } catch {
        return { default: LazyFailed as ComponentType<P> };
      }
    }
  });
}

/**
 * Fetches a panel's chunk ahead where `wanted` says this page will need it (see
 * LazyFallbackPrefetch.ts): after the board's first frame, when the browser is idle. `load` is
 * the panel's own import, so its press later finds the chunk on the device, wifi or not.
 */
export function usePanelPrefetch(
  load: () => Promise<unknown>,
  wanted: (page: PrefetchPage) => boolean,
  mark: string,
): void {
  const session = useSession();
  const { role } = session.info;
  const boardKind = session.info.board.kind;
  useEffect(() => {
    if (!wanted({ role, boardKind, saveData: saveDataAsked() })) return;
    return whenIdleAfterFirstFrame(session.connection.whenSynced(), () =>
      prefetchPanel(load, mark),
    );
  }, [session, role, boardKind, load, wanted, mark]);
}
