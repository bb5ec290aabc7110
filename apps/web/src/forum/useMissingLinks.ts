// The state of « Créer les liens manquants » for the links table: which links are missing, the
// confirmation, the run's progress and its outcome in plain words.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rotateLink, type FacilitatorBoard, type Link } from './api';
import { forumErrorText } from './errorText';
import {
  createMissingLinks,
  linkKey,
  missingLinks,
  outcomeText,
  type LinkRole,
  type MissingLink,
} from './missingLinks';

export interface MissingLinksState {
  /** Links the page shows no QR code for. */
  missing: readonly MissingLink[];
  /** A board's link as the page should show it (the server's, else one created here). */
  linkOf: (board: FacilitatorBoard, role: LinkRole) => Link | null;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  /** While links are being created: how many were tried, out of how many. */
  progress: { done: number; total: number } | null;
  /** The last run's outcome, said in plain words; `complete` when nothing was left behind. */
  outcome: { text: string; complete: boolean } | null;
  run: () => void;
}

export function useMissingLinks({
  forumId,
  token,
  boards,
  onRotated,
  onRemoved,
}: {
  forumId: string;
  token: string;
  boards: readonly FacilitatorBoard[];
  onRotated: (boardId: string, role: LinkRole, link: Link) => void;
  /** A board found removed meanwhile (R56): the page drops it and reads the forum again. */
  onRemoved: (boardId: string) => void;
}): MissingLinksState {
  const { t } = useTranslation();
  // The links created here. The forum page's `onRotated` rebuilds its state from the render it
  // came from: called for link after link, a later call can drop an earlier link from it.
  // These stay shown whatever the page's state says, until the server's answer has them.
  const [created, setCreated] = useState<ReadonlyMap<string, Link>>(() => new Map());
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; complete: boolean } | null>(null);
  const latest = useRef({ onRotated, onRemoved });
  useEffect(() => {
    latest.current = { onRotated, onRemoved };
  });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const missing = useMemo(() => missingLinks(boards, created), [boards, created]);
  const linkOf = (board: FacilitatorBoard, role: LinkRole) =>
    board[role] ?? created.get(linkKey(board.id, role)) ?? null;

  const run = () => {
    const links = missing;
    setConfirming(false);
    if (links.length === 0 || progress) return;
    setOutcome(null);
    setProgress({ done: 0, total: links.length });
    const removed = new Set<string>();
    void createMissingLinks(links, {
      rotate: ({ boardId, role }) =>
        rotateLink(forumId, token, boardId, role).then(({ link }) => link),
      onCreated: ({ boardId, role }, link) => {
        if (!live.current) return;
        setCreated((current) => new Map(current).set(linkKey(boardId, role), link));
        latest.current.onRotated(boardId, role, link);
      },
      onGone: ({ boardId }) => removed.add(boardId),
      onProgress: (done) => {
        if (live.current) setProgress({ done, total: links.length });
      },
    }).then((result) => {
      if (!live.current) return;
      for (const boardId of removed) latest.current.onRemoved(boardId);
      const counts = outcomeText(result, t);
      const reason = result.stoppedBy === null ? '' : ` ${forumErrorText(result.stoppedBy, t)}`;
      setProgress(null);
      setOutcome({ text: counts + reason, complete: result.failed === 0 });
    });
  };

  return { missing, linkOf, confirming, setConfirming, progress, outcome, run };
}
