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
      {state === 'running' && !elapsed && (
        <button type="button" onClick={() => send({ action: 'pause' })}>
          {t('forum.timer.pause')}
        </button>
      )}
      {state === 'paused' && (
        <button type="button" onClick={() => send({ action: 'resume' })}>
          {t('forum.timer.resume')}
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
          <button type="button" onClick={() => send({ action: 'stop' })}>
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
    </div>
  );
}
