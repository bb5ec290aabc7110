// A board link's page. The first visit's name prompt is shown from the page's first scripts,
// not from the board page's code (Konva, Yjs, the tools: ~300 kB, the largest part of the
// load): on a venue's overloaded wifi (400 kbps) that code took ~7 s more, and a participant
// who had just scanned the QR code saw « Chargement du tableau… » until ~11 s instead of being
// asked « Votre nom ». The prompt needs only the board's info (the role: a view link asks
// nothing; the title), asked for as the page started (boardStart.ts); the code keeps arriving
// while the name is typed.
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { loadIdentity, rememberName } from '../board/identity';
import { peekEarlyBoardInfo } from '../offline/boardInfo';
import { nameToOpenWith } from '../ui/displayName';
import { NamePrompt } from '../ui/NamePrompt';
import { BoardLoading } from './BoardLoading';
import { loadBoardPage } from './boardStart';

// The editor (Konva, Yjs) loads only on board pages; the home page stays light. A board link
// started loading it before this first render (boardStart.ts).
const BoardPage = lazy(() => loadBoardPage().then((m) => ({ default: m.BoardPage })));

/** Whether to ask the name here first: waiting for the info, asking, or the board page's turn. */
type Ask = { state: 'waiting' } | { state: 'asking'; title: string } | { state: 'done' };

export function BoardRoute({ boardId, token }: { boardId: string; token: string }) {
  const [ask, setAsk] = useState<Ask>(() =>
    loadIdentity().name ? { state: 'done' } : { state: 'waiting' },
  );
  // Asked here: the board page puts the keyboard on the board once it is drawn, as after its
  // own prompt.
  const [asked, setAsked] = useState(false);
  // When « Chargement du tableau… » was first shown; the time spent on the name is not waiting.
  const loadingSince = useRef<number | null>(null);
  useEffect(() => {
    if (ask.state !== 'waiting') return;
    const answer = peekEarlyBoardInfo(boardId, token);
    if (!answer) {
      setAsk({ state: 'done' });
      return;
    }
    let live = true;
    answer.then(
      (info) => {
        if (!live) return;
        const asks = nameToOpenWith(info.role, null, '') === null;
        setAsk(asks ? { state: 'asking', title: info.board.title } : { state: 'done' });
      },
      // Refused, or no network: the board page says what happened (or opens the copy kept on
      // this device, and asks the name itself).
      () => live && setAsk({ state: 'done' }),
    );
    return () => {
      live = false;
    };
  }, [ask.state, boardId, token]);

  const loading = <BoardLoading since={loadingSince} />;
  if (ask.state === 'waiting') return loading;
  if (ask.state === 'asking')
    return (
      <NamePrompt
        board={ask.title}
        onName={(name) => {
          rememberName(name);
          loadingSince.current = null;
          setAsked(true);
          setAsk({ state: 'done' });
        }}
      />
    );
  return (
    <Suspense fallback={loading}>
      <BoardPage
        boardId={boardId}
        token={token}
        afterNamePrompt={asked}
        loadingSince={loadingSince}
      />
    </Suspense>
  );
}
