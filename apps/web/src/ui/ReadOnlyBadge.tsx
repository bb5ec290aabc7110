// A view link's badge: an eye (and « Lecture seule » where the header has room). On a phone only
// the eye shows and a tooltip never does, so a tap (or Enter) unfolds the sentence under it: what
// the link allows, for a participant who tapped the board and saw nothing happen.
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export function ReadOnlyBadge() {
  const { t } = useTranslation();
  // Where the sentence unfolds: under the header, its right edge on the eye's, kept on screen.
  const [open, setOpen] = useState<CSSProperties | null>(null);
  const detailId = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    // Folded again by a tap anywhere else (the sentence too), or Escape.
    const away = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(null);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(null);
    };
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', away);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <span className="read-only" ref={wrap}>
      <button
        type="button"
        className="badge read-only-badge"
        title={t('board.readOnly')}
        aria-expanded={open !== null}
        aria-controls={detailId}
        onClick={(event) => {
          if (open) return setOpen(null);
          const eye = event.currentTarget.getBoundingClientRect();
          // Below the whole header (a phone's is two rows): over none of its controls.
          const header = event.currentTarget.closest('header')?.getBoundingClientRect() ?? eye;
          const margin = 12;
          setOpen({
            top: Math.max(eye.bottom, header.bottom) + 6,
            right: Math.max(margin, window.innerWidth - eye.right),
            maxWidth: `min(22rem, ${Math.min(eye.right, window.innerWidth - margin) - margin}px)`,
          });
        }}
      >
        <EyeIcon />
        <span className="read-only-text">{t('board.readOnly')}</span>
      </button>
      {/* In the page's body: above the people's pill and « ? », which the header's layer is not. */}
      {createPortal(
        <span id={detailId} className="read-only-detail" role="status" style={open ?? undefined}>
          {open ? t('help.readOnly') : ''}
        </span>,
        document.body,
      )}
    </span>
  );
}

function EyeIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M1.5 10s3.2-5.5 8.5-5.5 8.5 5.5 8.5 5.5-3.2 5.5-8.5 5.5S1.5 10 1.5 10z" />
        <circle cx="10" cy="10" r="2.6" />
      </g>
    </svg>
  );
}
