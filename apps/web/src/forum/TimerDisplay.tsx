// The day's timer as everyone sees it (boards, view links, projector): shown while running or
// paused, with a soft chime and a pulse when it reaches zero, and « Temps écoulé ! » for two
// minutes after.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timerRemainingMs } from '@carton/board';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';
import { chime } from './chime';
import { formatRemaining, reachedZero, timerShown } from './timerFormat';

export function useRemainingMs(room: ForumRoom | null): number | null {
  const { timer } = useForumSnapshot(room);
  // A tick re-renders while running; the time itself is read at render, never kept stale.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!room || timer?.state !== 'running') return;
    const id = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [room, timer]);
  if (!room || !timer || timer.state === 'stopped') return null;
  return timerRemainingMs(timer, room.serverNow());
}

export function TimerDisplay({ room, large = false }: { room: ForumRoom | null; large?: boolean }) {
  const { t } = useTranslation();
  const { timer } = useForumSnapshot(room);
  const remaining = useRemainingMs(room);
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (remaining !== null && reachedZero(previous.current, remaining)) chime();
    previous.current = remaining;
  }, [remaining]);
  if (remaining === null || !timer || !room || !timerShown(timer, room.serverNow())) return null;
  const done = remaining <= 0;
  return (
    <div
      className={`forum-timer${large ? ' forum-timer-large' : ''}${done ? ' forum-timer-done' : ''}`}
      role="timer"
      aria-label={t('forum.timer.label')}
      data-state={timer.state}
      data-testid="forum-timer"
    >
      <span className="forum-timer-value">{formatRemaining(remaining)}</span>
      {timer.state === 'paused' && (
        <span className="forum-timer-note">{t('forum.timer.paused')}</span>
      )}
      {done && <span className="forum-timer-note">{t('forum.timer.done')}</span>}
    </div>
  );
}
