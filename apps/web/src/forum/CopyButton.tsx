// « Copier » next to a read-only link field, with the fallback chain of copyLink.ts and a
// visible answer: « Lien copié », or the field selected with how to copy it by hand.
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { copyWithFallback, manualCopyHint } from './copyLink';

const SHOWN_MS = 4000;

function coarsePointer(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

function selectField(field: HTMLInputElement | null): void {
  if (!field) return;
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
}

export function CopyButton({
  text,
  field,
}: {
  text: string;
  field: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'manual' | null>(null);

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = () => {
    const clipboard = window.isSecureContext ? (navigator.clipboard ?? null) : null;
    void copyWithFallback(text, {
      clipboard,
      execCopy: () => {
        selectField(field.current);
        const ok = document.execCommand('copy');
        field.current?.blur();
        return ok;
      },
    }).then((result) => {
      if (result === 'manual') selectField(field.current);
      setOutcome(result);
    });
  };

  return (
    <>
      <button type="button" onClick={copy}>
        {t('forum.links.copy')}
      </button>
      <span className="copy-feedback" role="status" data-outcome={outcome ?? ''}>
        {outcome === 'copied' && t('forum.copy.done')}
        {outcome === 'manual' && t(manualCopyHint(coarsePointer()))}
      </span>
    </>
  );
}
