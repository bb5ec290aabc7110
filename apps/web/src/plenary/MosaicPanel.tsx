// The plenary's « Mosaïque »: a live tile per territory board (read-only, drawn by @carton/render);
// a click opens a tile large; « Amener en plénière » copies that board into the plenary.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderFonts } from '@carton/render';
import { localOrigin } from '@carton/board';
import { useSession } from '../board/context';
import { fetchForumBoards, type ForumBoard } from '../forum/api';
import { bringToPlenary } from './bringToPlenary';
import { loadRenderFonts } from './fonts';
import { LiveBoard } from './liveBoard';
import './mosaic.css';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';

function Tile({
  board,
  live,
  onOpen,
  onBring,
}: {
  board: ForumBoard;
  live: LiveBoard;
  onOpen: () => void;
  onBring: (() => void) | null;
}) {
  const { t } = useTranslation();
  const svg = useSyncExternalStore(live.subscribe, live.getSvg);
  const name = board.territory ?? board.title;
  return (
    <li className="mosaic-tile" data-board-id={board.id} data-shapes={live.shapeCount()}>
      <button
        type="button"
        className="mosaic-open"
        onClick={onOpen}
        aria-label={t('plenary.open', { name })}
      >
        <span className="mosaic-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      </button>
      <div className="mosaic-caption">
        <strong>{name}</strong>
        {onBring && (
          <button type="button" onClick={onBring}>
            {t('plenary.bring')}
          </button>
        )}
      </div>
    </li>
  );
}

export function MosaicPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [fonts, setFonts] = useState<RenderFonts | null>(null);
  const [boards, setBoards] = useState<ForumBoard[]>([]);
  const [lives, setLives] = useState<Map<string, LiveBoard>>(new Map());
  const [opened, setOpened] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const forumId = session.info.board.forumId;

  useEffect(() => {
    let live = true;
    void loadRenderFonts().then((f) => live && setFonts(f));
    fetchForumBoards(forumId, session.token).then(
      (answer) => live && setBoards(answer.boards.filter((b) => b.kind === 'territory')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [forumId, session.token]);

  useEffect(() => {
    if (!fonts) return;
    const created = new Map(
      boards.map((b) => [b.id, new LiveBoard(b.id, session.token, fonts, b.title)] as const),
    );
    setLives(created);
    return () => created.forEach((l) => l.destroy());
  }, [boards, fonts, session.token]);

  const bring = (board: ForumBoard) => {
    const live = lives.get(board.id);
    if (!live || session.readOnly) return;
    const created = bringToPlenary(
      live.doc,
      session.board,
      localOrigin(session.identity.userId),
      session.undo,
    );
    setToast(t('plenary.brought', { count: created, name: board.territory ?? board.title }));
  };

  const openBoard = boards.find((b) => b.id === opened);
  const openLive = opened ? lives.get(opened) : undefined;
  return (
    <section className="mosaic" aria-label={t('plenary.mosaic')}>
      <header className="mosaic-header">
        <h2>{t('plenary.mosaic')}</h2>
        {toast && <span role="status">{toast}</span>}
        <button type="button" onClick={onClose}>
          {t('plenary.close')}
        </button>
      </header>
      <ul className="mosaic-grid">
        {boards.map((b) => {
          const live = lives.get(b.id);
          return live ? (
            <Tile
              key={b.id}
              board={b}
              live={live}
              onOpen={() => setOpened(b.id)}
              onBring={session.readOnly ? null : () => bring(b)}
            />
          ) : null;
        })}
      </ul>
      {openBoard && openLive && (
        <LargeTile
          board={openBoard}
          live={openLive}
          onClose={() => setOpened(null)}
          onBring={session.readOnly ? null : () => bring(openBoard)}
        />
      )}
    </section>
  );
}

function LargeTile({
  board,
  live,
  onClose,
  onBring,
}: {
  board: ForumBoard;
  live: LiveBoard;
  onClose: () => void;
  onBring: (() => void) | null;
}) {
  const { t } = useTranslation();
  const svg = useSyncExternalStore(live.subscribe, live.getSvg);
  useCloseOnEscape(onClose);
  return (
    <div className="mosaic-large" role="dialog" aria-modal="true" aria-label={board.title}>
      <header className="mosaic-header">
        <h2>{board.title}</h2>
        {onBring && (
          <button type="button" onClick={onBring}>
            {t('plenary.bring')}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('plenary.close')}
        </button>
      </header>
      <div className="mosaic-svg mosaic-svg-large" dangerouslySetInnerHTML={{ __html: svg }} />
    </div>
  );
}
