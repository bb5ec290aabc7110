// On a touch screen there is no hover tooltip: when a tool is chosen, its name shows for a moment
// above the toolbar (« Crayon »), so an icon a newcomer did not recognise gets a name. While a
// step waits for the next tap (the arrow's start chosen, « Déplacer »), a caption says what to do next.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionState } from '../board/context';
import type { SessionState } from '../board/store';
import { useCoarsePointer } from './shortcuts';

/** Long enough to read a word, short enough not to sit over the board. */
const CAPTION_MS = 1600;

/** A step waiting for the next tap or click, if any: its caption stays until it ends. */
export type WaitingStep = 'arrowStart' | 'move';

export function waitingStep(s: SessionState): WaitingStep | null {
  if (s.tool === 'arrow' && s.arrowStart !== null) return 'arrowStart';
  if (s.tool === 'move') return 'move';
  return null;
}

export function ToolCaption() {
  const { t } = useTranslation();
  const tool = useSessionState((s) => s.tool);
  const waiting = useSessionState(waitingStep);
  const coarse = useCoarsePointer();
  const [shown, setShown] = useState<string | null>(null);
  const [spoken, setSpoken] = useState<string | null>(null);
  const previous = useRef(tool);

  useEffect(() => {
    // Not on arrival: only a change of tool is news.
    if (previous.current === tool) return;
    previous.current = tool;
    // A screen reader hears every change of tool (a letter pressed on the board changes it
    // with no other sign); its words stay in the hidden status until the next change.
    if (!coarse) {
      setSpoken(tool);
      return;
    }
    // The arrow needs no name, and Select comes back by itself after a note or a shape is placed.
    if (tool === 'select') return;
    setShown(tool);
    const timer = setTimeout(() => setShown(null), CAPTION_MS);
    return () => clearTimeout(timer);
  }, [tool, coarse]);

  // Shown to mouse and finger alike: the mark on the board says what was chosen, this says
  // what comes next and how to back out (a phone has no Escape key: a tap on the background).
  const next = waiting && (
    <div className="tool-caption waiting" role="status" data-testid="waiting-caption">
      {t(`waiting.${waiting}.${coarse ? 'touch' : 'mouse'}`)}
    </div>
  );
  if (!coarse)
    return (
      <>
        <div className="visually-hidden" role="status" data-testid="tool-news">
          {spoken ? t(`tools.${spoken}`) : ''}
        </div>
        {next}
      </>
    );
  if (next) return next;
  if (shown !== tool) return null;
  return (
    <div className="tool-caption" role="status">
      {t(`tools.${tool}`)}
    </div>
  );
}
