// « Tout le monde vers moi »: the facilitator's camera travels in the forum room's awareness;
// every participant on that board follows it until they press « Arrêter de suivre ».
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { safeArea } from '../board/actions';
import { cameraCenter } from '../geometry/camera';
import { unionRects } from '../geometry/rect';
import { followedCamera } from './followView';
import { activeVote } from './voteMode';
import { postSpotlight } from './api';
import { spotlightBy, spotlightElsewhereText, spotlightErrorText } from './spotlightText';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';
import './kit-problem.css';

/** The facilitator's button: starts / stops the spotlight and publishes the camera meanwhile. */
export function SpotlightControl({ room }: { room: ForumRoom }) {
  const { t } = useTranslation();
  const session = useSession();
  const { spotlight } = useForumSnapshot(room);
  const mine = spotlight?.active === true && spotlight.boardId === session.boardId;
  useEffect(() => {
    if (!mine) {
      room.publishCamera(null);
      return;
    }
    const publish = () => {
      const { camera, viewport } = session.store.getState();
      const center = cameraCenter(camera, viewport);
      room.publishCamera({
        boardId: session.boardId,
        x: center.x,
        y: center.y,
        zoom: camera.zoom,
        width: viewport.width / camera.zoom,
        height: viewport.height / camera.zoom,
      });
    };
    publish();
    const unsubscribe = session.store.subscribe((state, previous) => {
      if (state.camera !== previous.camera || state.viewport !== previous.viewport) publish();
    });
    return () => {
      unsubscribe();
      room.publishCamera(null);
    };
  }, [mine, room, session]);
  // A refusal said in plain words (it was dropped: the button simply did nothing), until the
  // next press or the spotlight changing.
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setProblem(null), [mine]);
  const toggle = () => {
    const starting = !mine;
    setProblem(null);
    postSpotlight(room.forumId, session.token, {
      active: starting,
      ...(starting ? { boardId: session.boardId, by: spotlightBy(session.identity.name) } : {}),
    }).catch((error: unknown) => setProblem(spotlightErrorText(error, starting, t)));
  };
  return (
    <>
      <button
        type="button"
        className={`kit-button${mine ? ' active' : ''}`}
        onClick={toggle}
        aria-pressed={mine}
      >
        {mine ? t('forum.spotlight.stop') : t('forum.spotlight.start')}
      </button>
      {problem && (
        <p className="kit-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** A participant's side: follow while the spotlight is on this board, until « Arrêter de suivre ». */
export function SpotlightFollower({ room }: { room: ForumRoom }) {
  const { t } = useTranslation();
  const session = useSession();
  const { spotlight, camera, votes } = useForumSnapshot(room);
  const here = spotlight?.active === true && spotlight.boardId === session.boardId;
  // A vote opening or closing here moves « Vous suivez … » and the vote's banner on a phone
  // (safeArea): the followed view is fitted again between them.
  const voting = activeVote(votes, session.boardId) !== null;
  // Stopping lasts for this spotlight only: a new « Tout le monde vers moi » follows again.
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (!here) setStopped(false);
  }, [here]);
  const following = here && !stopped;
  useEffect(() => {
    if (!following || !camera || camera.boardId !== session.boardId) return;
    const { viewport } = session.store.getState();
    const { scene } = session;
    const content = unionRects(scene.orderedIds().flatMap((id) => scene.bounds(id) ?? []));
    session.store.setState({
      camera: followedCamera(camera, viewport, safeArea(session), content),
    });
  }, [following, camera, session, voting]);
  if (spotlight?.active && !here) {
    // The facilitator leads on another board: say so. Only the plenary's links read the other
    // boards (P1, view role), so only there can « Aller voir » open the presented board
    // (read-only, following the facilitator); a territory link would be refused.
    const presented = session.info.board.kind === 'plenary' ? spotlight.boardId : null;
    return (
      // In the page's top stack (panels.css): below « Vous suivez … » when that shows, below
      // the header and the kit always.
      <div className="spotlight-banner elsewhere" role="status">
        <span>{spotlightElsewhereText(spotlight.by, t)}</span>
        {presented && (
          <a
            className="spotlight-go"
            href={`/b/${encodeURIComponent(presented)}#token=${session.token}`}
            target="_blank"
            rel="noopener"
          >
            {t('forum.spotlight.goSee')}
          </a>
        )}
      </div>
    );
  }
  if (!here) return null;
  return (
    <div className="spotlight-banner" role="status" data-following={following}>
      {following ? (
        <>
          <span>
            {t('forum.spotlight.following', { name: spotlight.by ?? t('forum.facilitator') })}
          </span>
          <button type="button" onClick={() => setStopped(true)}>
            {t('forum.spotlight.unfollow')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setStopped(false)}>
          {t('forum.spotlight.follow')}
        </button>
      )}
    </div>
  );
}
