// The facilitator's timer buttons: start (minutes), pause / resume, add a minute, stop.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerAction } from '@carton/board';
import { postTimer } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { forumErrorText } from './errorText';
import type { ForumRoom } from './room';
import { minutesToDuration } from './timerFormat';
import { useRemainingMs } from './TimerDisplay';
import { useForumSnapshot } from './useForumRoom';

export function TimerControls({ room, token }: { room: ForumRoom | null; token: string }) {
  const { t } = useTranslation();
  const { timer } = useForumSnapshot(room);
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const remaining = useRemainingMs(room);
  // At 0:00 the timer still « runs » (« Temps écoulé ! »): nothing is left to pause or to lose.
  const elapsed = timer?.state === 'running' && remaining !== null && remaining <= 0;
  const state = timer?.state ?? 'stopped';
  const send = (action: TimerAction) => {
    if (!room) return;
    setError(null);
    postTimer(room.forumId, token, action).catch((e: unknown) => setError(forumErrorText(e, t)));
  };
  const duration = minutesToDuration(minutes);
  return (
    <div className="forum-timer-controls" role="group" aria-label={t('forum.timer.controls')}>
      <label>
        {t('forum.timer.minutes')}
        <input
          type="number"
          min={1}
          max={1440}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          className="forum-minutes"
        />
      </label>
      <button
        type="button"
        disabled={duration === null}
        onClick={() => {
          if (duration === null) return;
          // A timer counting down in front of the room is not thrown away by one click.
          if (state === 'stopped' || elapsed) send({ action: 'start', durationMs: duration });
          else setConfirmRestart(true);
        }}
      >
        {t('forum.timer.start')}
      </button>
      {/* One button that changes its word: the keyboard's focus stays on it (a pause
          followed by a resume is two presses of Enter, not a hunt for the new button). */}
      {((state === 'running' && !elapsed) || state === 'paused') && (
        <button
          type="button"
          className="timer-pause"
          onClick={() => send({ action: state === 'paused' ? 'resume' : 'pause' })}
        >
          {t(state === 'paused' ? 'forum.timer.resume' : 'forum.timer.pause')}
        </button>
      )}
      {state !== 'stopped' && (
        <>
          <button
            type="button"
            onClick={() =>
              // Past 0:00 « add » extends an end already gone (0:5x, or still 0:00 a minute
              // later): « one more minute » after « Temps écoulé ! » is a fresh minute.
              send(
                elapsed
                  ? { action: 'start', durationMs: 60_000 }
                  : { action: 'add', addMs: 60_000 },
              )
            }
          >
            {t('forum.timer.addMinute')}
          </button>
          <button
            type="button"
            onClick={() =>
              // Beside « +1 minute », one slip would throw away the time left: asked first,
              // like a restart. Past 0:00 nothing is lost.
              elapsed ? send({ action: 'stop' }) : setConfirmStop(true)
            }
          >
            {t('forum.timer.stop')}
          </button>
        </>
      )}
      {error && <span role="alert">{error}</span>}
      {confirmRestart && duration !== null && (
        <ConfirmDialog
          message={t('forum.timerRestart.confirm', { count: duration / 60_000 })}
          confirmLabel={t('forum.timerRestart.confirmButton')}
          onConfirm={() => {
            setConfirmRestart(false);
            send({ action: 'start', durationMs: duration });
          }}
          onCancel={() => setConfirmRestart(false)}
        />
      )}
      {confirmStop && (
        <ConfirmDialog
          message={t('forumDay.timerStop.confirm')}
          confirmLabel={t('forumDay.timerStop.confirmButton')}
          onConfirm={() => {
            setConfirmStop(false);
            send({ action: 'stop' });
          }}
          onCancel={() => setConfirmStop(false)}
        />
      )}
    </div>
  );
}
