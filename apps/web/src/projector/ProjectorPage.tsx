// Projector mode (`/p/<boardId>#token=`, a view link is enough): no tools or chrome, high
// contrast; the cartons as slides (← → space Home End), each zoomed to fill the screen; the
// timer large while it runs; Escape goes back to the board.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSvg, type RenderFonts } from '@carton/render';
import { ApiError, fetchBoardInfo, type BoardInfo } from '../board/api';
import { TimerDisplay } from '../forum/TimerDisplay';
import { useForumRoom } from '../forum/useForumRoom';
import { loadRenderFonts } from '../plenary/fonts';
import { LiveBoard } from '../plenary/liveBoard';
import { nextSlide, slideOrder } from './slides';
import './projector.css';

export function ProjectorPage({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<BoardInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fonts, setFonts] = useState<RenderFonts | null>(null);
  const [live, setLive] = useState<LiveBoard | null>(null);
  const room = useForumRoom(info?.board.forumId ?? null, token);

  useEffect(() => {
    let alive = true;
    void loadRenderFonts().then((f) => alive && setFonts(f));
    fetchBoardInfo(boardId, token).then(
      (answer) => {
        if (!alive) return;
        setInfo(answer);
        document.title = `${answer.board.title} — ${t('projector.title')}`;
      },
      (e: unknown) =>
        alive &&
        setError(
          e instanceof ApiError && (e.status === 401 || e.status === 403)
            ? t('board.forbidden')
            : t('board.error', { message: e instanceof Error ? e.message : String(e) }),
        ),
    );
    return () => {
      alive = false;
    };
  }, [boardId, token, t]);

  useEffect(() => {
    if (!info || !fonts) return;
    const created = new LiveBoard(boardId, token, fonts, info.board.title);
    setLive(created);
    return () => {
      setLive(null);
      created.destroy();
    };
  }, [info, fonts, boardId, token]);

  if (error)
    return (
      <p className="page-message" role="alert">
        {error}
      </p>
    );
  if (!info || !live || !fonts) return <p className="page-message">{t('board.loading')}</p>;
  return (
    <Slides live={live} fonts={fonts} info={info} token={token}>
      <TimerDisplay room={room} large />
    </Slides>
  );
}

function Slides({
  live,
  fonts,
  info,
  token,
  children,
}: {
  live: LiveBoard;
  fonts: RenderFonts;
  info: BoardInfo;
  token: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  useSyncExternalStore(live.subscribe, live.getSvg);
  const shapes = live.getShapes();
  const slides = slideOrder(shapes);
  const [index, setIndex] = useState(0);
  const current = Math.min(index, Math.max(0, slides.length - 1));
  const slide = slides[current];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        location.assign(`/b/${encodeURIComponent(info.board.id)}#token=${token}`);
        return;
      }
      const next = nextSlide(e.key, current, slides.length);
      if (next === null) return;
      e.preventDefault();
      setIndex(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, slides.length, info.board.id, token]);

  const svg = useMemo(() => {
    if (!slide) return '';
    return renderSvg(shapes, {
      fonts,
      scope: slide.kind === 'carton' ? { kind: 'carton', id: slide.id } : { kind: 'board' },
      padding: 16,
      background: '#ffffff',
      title: slide.kind === 'carton' ? slide.title : info.board.title,
    }).svg;
  }, [shapes, slide, fonts, info.board.title]);

  return (
    <main className="projector" data-slide={current} data-slides={slides.length}>
      <div className="projector-top">
        <span className="projector-title">{info.board.title}</span>
        {children}
      </div>
      {slide ? (
        <div className="projector-slide" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <p className="projector-empty">{t('projector.empty')}</p>
      )}
      {slides.length > 0 && (
        <p className="projector-footer">
          {t('projector.position', { n: current + 1, count: slides.length })} ·{' '}
          {t('projector.keys')}
        </p>
      )}
    </main>
  );
}
