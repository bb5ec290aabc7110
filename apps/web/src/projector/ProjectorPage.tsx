// Projector mode (`/p/<boardId>#token=`, a view link is enough): no tools or chrome, high
// contrast; the cartons as slides (← → space Home End), each zoomed to fill the screen; the
// timer large while it runs; F for the browser's full screen; Escape leaves that full screen
// first (the browser keeps the key), then goes back to the board. Once a vote over the board is
// closed, its counts show on the notes and a last slide ranks the results (top 10). On the
// plenary board, the territories' live mosaic follows its cartons, then each territory large
// (M goes to the mosaic; a tile, clicked or with Enter, to its territory; T tours them, one at a
// time with a countdown, ProjectorTour). Opened with the facilitator's link, the plenary ends
// with « Les incontournables », a page at a time (I).
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type MutableRefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { latestClosedVote, type VoteState } from '@carton/board';
import { renderSvg, type RenderFonts } from '@carton/render';
import { BoardLoading } from '../app/BoardLoading';
import { hideProjectorToken } from '../app/projectorToken';
import { ApiError, fetchBoardInfo, type BoardInfo } from '../board/api';
import type { ForumRoom } from '../forum/room';
import { ForumLinkError } from '../forum/ForumLinkError';
import { TimerDisplay } from '../forum/TimerDisplay';
import { useForumRoom, useForumSnapshot } from '../forum/useForumRoom';
import { loadRenderFonts } from '../plenary/fonts';
import { LiveBoard } from '../plenary/liveBoard';
import { useTerritoryLives, type TerritoryLives } from '../plenary/territoryLives';
import { useSharpPhotos } from '../plenary/useSharpPhotos';
import { ProjectorConnection } from './ProjectorConnection';
import { ResultsSlide, useVoteResults } from './ResultsSlide';
import { ListSlide, useCompiledList, useProjectedList } from './ListSlide';
import { listKey, listPageCount } from './listSlides';
import { ProjectorMosaic, ProjectorTerritory, TerritoryTitle } from './ProjectorMosaic';
import { TourCountdown, useFullScreenKey, useTour } from './ProjectorTour';
import {
  mosaicKey,
  nextSlide,
  shownIndex,
  slideKey,
  slideOrder,
  withMosaic,
  type ShownSlide,
  type Slide,
} from './slides';
import { countsOnBoard, projectedVote, voteBadgesSvg, withBadges } from './voteSlides';
import './projector.css';

/** What the projector shows, one at a time. */
type ProjectorSlide = Slide | { kind: 'results' } | { kind: 'list'; page: number };

export function ProjectorPage({
  boardId,
  token,
  loadingSince,
}: {
  boardId: string;
  token: string;
  /** When the first « Chargement du tableau… » showed (ProjectorRoute): one wait to the slides. */
  loadingSince: MutableRefObject<number | null>;
}) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<BoardInfo | null>(null);
  const [error, setError] = useState<{ text: string; aboutLink: boolean } | null>(null);
  const [fonts, setFonts] = useState<RenderFonts | null>(null);
  const [live, setLive] = useState<LiveBoard | null>(null);
  const room = useForumRoom(info?.board.forumId ?? null, token);
  // « Projeter la liste » opens on the list (`#…&slide=list`), read before the address is cleared.
  const [startAt] = useState(() => new URLSearchParams(location.hash.slice(1)).get('slide'));
  useEffect(() => hideProjectorToken(token), [token]);

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
          e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)
            ? { text: t(e.status === 404 ? 'board.notFound' : 'board.forbidden'), aboutLink: true }
            : {
                text: t('board.error', { message: e instanceof Error ? e.message : String(e) }),
                aboutLink: false,
              },
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

  // A refused or unknown link says so, with the facilitators' help and the way home; any other
  // failure offers « Réessayer » (the link may be fine) — as the board and forum pages do.
  if (error) return <ForumLinkError text={error.text} aboutLink={error.aboutLink} />;
  if (!info || !live || !fonts) return <BoardLoading since={loadingSince} />;
  return (
    <Slides
      live={live}
      fonts={fonts}
      info={info}
      token={token}
      room={room}
      startAt={startAt}
      loadingSince={loadingSince}
    >
      <TimerDisplay room={room} large />
    </Slides>
  );
}

function Slides({
  live,
  fonts,
  info,
  token,
  room,
  startAt,
  loadingSince,
  children,
}: {
  loadingSince: MutableRefObject<number | null>;
  /** `list`: open on « Les incontournables » once they are read. */
  startAt: string | null;
  live: LiveBoard;
  fonts: RenderFonts;
  info: BoardInfo;
  token: string;
  room: ForumRoom | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  useSyncExternalStore(live.subscribe, live.getSvg);
  // No slide yet while the board (or the forum's territories) is on its way: loading, not empty.
  const loaded = useSyncExternalStore(live.subscribe, live.isLoaded);
  const shapes = live.getShapes();
  const { votes, connection, compiledAt } = useForumSnapshot(room);
  const plenary = info.board.kind === 'plenary';
  const vote = projectedVote(votes, info.board.id, plenary);
  const results = useVoteResults(room?.forumId ?? null, token, vote?.id ?? null, compiledAt);
  const territories = useTerritoryLives(plenary ? info.board.forumId || null : null, token);
  // « Les incontournables » on the plenary, for a link that may read them (the facilitator's),
  // ranked by the vote closed last, as the server compiles them (C6: with the dots the room gave
  // on the list's notes on the plenary).
  const listVote = plenary ? latestClosedVote(votes) : null;
  // Opened from « Projeter la liste » (forum page): on the list's first page once it is read.
  const [shown, setShown] = useState<ShownSlide>(() => ({
    index: 0,
    key: startAt === 'list' ? 'list:0' : null,
  }));
  // Not asked for with another link: refused (403, C6) at each change of the list.
  const compiled = useCompiledList(
    plenary && info.role === 'facilitator' ? info.board.forumId || null : null,
    token,
    compiledAt,
    shown.key?.startsWith('list:') ?? false,
    listVote ? `${listVote.id}:${listVote.closedAt}` : null,
  );
  // Shown once ranked, when a vote ranks it: not in its own order first, then reordered.
  const list = useProjectedList(compiled, listVote?.id ?? null);
  const slides: ProjectorSlide[] = [
    ...withMosaic(
      slideOrder(shapes),
      territories.boards.map((b) => b.id),
    ),
    ...(results ? [{ kind: 'results' as const }] : []),
    ...Array.from({ length: list ? listPageCount(list.lines.length) : 0 }, (_, page) => ({
      kind: 'list' as const,
      page,
    })),
  ];
  const current = shownIndex(slides, shown);
  const go = (to: number, among: readonly ProjectorSlide[]) => {
    const slide = among[to];
    if (slide) setShown({ index: to, key: slideKey(slide) });
  };
  const slide = slides[current];
  // A tile clicked on the mosaic: its territory's slide. One function for the page's life, so
  // the tiles (memo'd) are not drawn again at each render of the projector (each dot, each move
  // of the spotlight camera).
  const toTerritory = useRef((_id: string) => {});
  useLayoutEffect(() => {
    toTerritory.current = (id) =>
      go(
        slides.findIndex((s) => s.kind === 'territory' && s.boardId === id),
        slides,
      );
  });
  const [openTerritory] = useState(() => (id: string) => toTerritory.current(id));
  const shownTerritory =
    slide?.kind === 'territory'
      ? territories.boards.find((b) => b.id === slide.boardId)
      : undefined;

  // A vote closed while this screen shows: its results come up by themselves once fetched, as
  // the room is waiting for them (a vote already closed when the page opened leaves it on the
  // first slide, the last being one End away).
  const seenOpen = useRef(new Set<string>());
  const shownResults = useRef<string | null>(null);
  useEffect(() => {
    for (const v of votes) if (v.state === 'open') seenOpen.current.add(v.id);
  }, [votes]);
  useEffect(() => {
    if (!results || !vote || shownResults.current === vote.id) return;
    shownResults.current = vote.id;
    if (seenOpen.current.has(vote.id)) setShown({ index: slides.length - 1, key: 'results' });
  }, [results, vote, slides.length]);

  // The keys go by the slides on screen: learnt as the screen changes, before it is painted.
  // Learnt in an effect after the paint, an End pressed as the results slide came up went to the
  // slide before it (the facilitator had to press End again).
  const onScreen = useRef({ current, slides });
  useLayoutEffect(() => {
    onScreen.current = { current, slides };
  });
  const tour = useTour(slides, current, (to) => go(to, slides));
  useFullScreenKey();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // In the browser's full screen, Escape is the browser's: it leaves the full screen, and
        // the projection stays. A browser that lets the page hear it as well (the full screen
        // not left yet) must not close the projection on the room with the same key.
        if (document.fullscreenElement) {
          void document.exitFullscreen().catch(() => undefined);
          return;
        }
        // Held to leave the full screen, it repeats once out of it: the projection closed on
        // the room with the very press that was to keep it. Only a new press leaves.
        if (e.repeat) return;
        // The facilitator's link (the forum page opens projector mode with it, in a tab of its
        // own) is not put back in the address bar the room sees: that tab closes, the forum
        // page's tab under it. One the browser keeps open (reached another way) goes to the board.
        if (info.role === 'facilitator') {
          window.close();
          if (window.closed) return;
        }
        location.assign(`/b/${encodeURIComponent(info.board.id)}#token=${token}`);
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const { current, slides } = onScreen.current;
      const next =
        nextSlide(e.key, current, slides.length) ??
        mosaicKey(e.key, slides) ??
        listKey(e.key, slides);
      if (next === null) return;
      e.preventDefault();
      go(next, slides);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info.board.id, info.role, token]);

  const counts = useMemo(
    () => (vote ? countsOnBoard(vote, info.board.id) : null),
    [vote, info.board.id],
  );
  const svg = useMemo(() => {
    if (!slide || (slide.kind !== 'carton' && slide.kind !== 'board')) return '';
    const drawn = renderSvg(shapes, {
      fonts,
      scope: slide.kind === 'carton' ? { kind: 'carton', id: slide.id } : { kind: 'board' },
      padding: 16,
      background: '#ffffff',
      // The photos the live board fetched (a new SVG comes when one arrives).
      imageHref: live.imageHref,
      title: slide.kind === 'carton' ? slide.title : info.board.title,
    }).svg;
    return counts ? withBadges(drawn, voteBadgesSvg(shapes, counts)) : drawn;
  }, [shapes, slide, fonts, info.board.title, counts, live]);
  const drawing = useSharpPhotos<HTMLDivElement>(live, svg);

  return (
    <main
      className="projector"
      data-slide={current}
      data-slides={slides.length}
      data-results={results ? results.length : undefined}
      data-list={list ? list.lines.length : undefined}
      data-connection={connection}
      data-votes-open={votes.filter((v) => v.state === 'open').length}
    >
      <div className="projector-top">
        {shownTerritory ? (
          <TerritoryTitle
            board={shownTerritory}
            votes={votes}
            n={territories.boards.indexOf(shownTerritory) + 1}
            count={territories.boards.length}
          />
        ) : (
          <span className="projector-title">{info.board.title}</span>
        )}
        <TourCountdown tour={tour} />
        {children}
      </div>
      <ProjectorConnection room={room} />
      {slide?.kind === 'results' && results && vote ? (
        <ResultsSlide title={vote.title} results={results} />
      ) : slide?.kind === 'list' && list ? (
        <ListSlide
          list={list}
          page={slide.page}
          voteTitle={compiled?.rankedBy?.title ?? listVote?.title ?? null}
        />
      ) : slide?.kind === 'mosaic' ? (
        <ProjectorMosaic
          boards={territories.boards}
          lives={territories.lives}
          votes={votes}
          onOpen={openTerritory}
        />
      ) : slide?.kind === 'territory' ? (
        <TerritorySlide slide={slide} territories={territories} votes={votes} />
      ) : slide ? (
        <div ref={drawing} className="projector-slide" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : loaded && territories.listed ? (
        <p className="projector-empty">{t('projector.empty')}</p>
      ) : (
        <BoardLoading since={loadingSince} className="projector-empty projector-loading" />
      )}
      {slides.length > 0 && (
        <p className="projector-footer">
          {t('projector.position', { n: current + 1, count: slides.length })} ·{' '}
          {t(
            `projector.${territories.boards.length > 0 ? 'keysMosaic' : 'keys'}${list ? 'List' : ''}`,
          )}
        </p>
      )}
    </main>
  );
}

/** A territory large: its place among the territories, once its live board is connected. */
function TerritorySlide({
  slide,
  territories,
  votes,
}: {
  slide: { boardId: string };
  territories: TerritoryLives;
  votes: readonly VoteState[];
}) {
  const at = territories.boards.findIndex((b) => b.id === slide.boardId);
  const board = territories.boards[at];
  const live = territories.lives.get(slide.boardId);
  if (!board || !live) return <div className="projector-slide" />;
  return (
    <ProjectorTerritory
      key={board.id}
      board={board}
      live={live}
      votes={votes}
      n={at + 1}
      count={territories.boards.length}
    />
  );
}
