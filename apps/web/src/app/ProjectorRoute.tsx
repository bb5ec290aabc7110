// A projector link's page (`/p/<boardId>`). Its first « Chargement du tableau… » is one wait from
// the page's code to the first slide (the projector's code, the board's info and fonts, then its
// socket and the forum's territories), and past 4 s says the network is slow, as a board
// link's does (BoardLoading): the projector is opened over the venue's wifi as the room waits.
import { Suspense, lazy, useRef } from 'react';
import { BoardLoading } from './BoardLoading';

const ProjectorPage = lazy(() =>
  import('../projector/ProjectorPage').then((m) => ({ default: m.ProjectorPage })),
);

export function ProjectorRoute({ boardId, token }: { boardId: string; token: string }) {
  // When « Chargement du tableau… » was first shown, for each place that shows it.
  const loadingSince = useRef<number | null>(null);
  return (
    <Suspense fallback={<BoardLoading since={loadingSince} />}>
      <ProjectorPage boardId={boardId} token={token} loadingSince={loadingSince} />
    </Suspense>
  );
}
