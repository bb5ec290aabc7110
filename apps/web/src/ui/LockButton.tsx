// « Verrouiller » the chosen shapes, or « Déverrouiller » them when one is locked (M33). A padlock
// and the word; beside the other actions the padlock alone (the word stays its accessible name
// and tooltip), so the chosen shape's panel keeps its rows, on a phone too; alone (a locked
// shape chosen), the word shows too.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lockSelection } from '../board/actions';
import { useSession } from '../board/context';
import { StrokeIcon } from './icons';
import './lock.css';

function Padlock({ open }: { open: boolean }) {
  return (
    <StrokeIcon size={20}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d={open ? 'M8 11V7a4 4 0 017.7-1.5' : 'M8 11V7a4 4 0 018 0v4'} />
    </StrokeIcon>
  );
}

export function LockButton({ locked, children }: { locked: boolean; children?: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  const word = t(locked ? 'actions.unlock' : 'actions.lock');
  return (
    <div className="swatches">
      <button
        type="button"
        className={locked ? 'lock-action alone' : 'lock-action'}
        data-lock={locked ? 'unlock' : 'lock'}
        title={`${word} — ${t(locked ? 'actions.unlockHint' : 'actions.lockHint')}`}
        onClick={(e) => {
          lockSelection(session, !locked);
          // The keyboard stays on the button that replaces this one.
          if (e.detail === 0) {
            const next = locked ? 'lock' : 'unlock';
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`.style-panel [data-lock="${next}"]`)?.focus(),
            );
          }
        }}
      >
        <Padlock open={locked} />
        <span className="lock-word">{word}</span>
      </button>
      {/* « Aligner » shares the padlock's box: a box of its own took a fourth row on a phone. */}
      {children}
    </div>
  );
}
