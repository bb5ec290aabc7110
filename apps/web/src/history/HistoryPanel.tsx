// The board's versions for the facilitator: keep a named version, preview one read-only,
// restore one for everyone (after a confirmation that says the current state is kept).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { useSession } from '../board/context';
import type { BoardSession } from '../board/session';
import {
  listVersions,
  restoreVersion,
  saveVersion,
  fetchVersionFile,
  type BoardVersion,
} from './api';
import { formatLocale } from '../i18n';
import {
  cleanVersionName,
  versionDetails,
  versionRows,
  versionTitle,
  type VersionRow,
} from './format';
import { VersionPreview } from './VersionPreview';
import { historyErrorText } from './problem';
import { focusLost } from '../ui/focusWhenLost';
import { useInViewOnArrival } from '../ui/inViewOnArrival';
import { useWholeWindowPanel, wholeWindowProps } from '../ui/useWholeWindowPanel';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; versions: BoardVersion[] };

function toast(session: BoardSession, message: string): void {
  session.store.setState({ toast: message });
  setTimeout(() => {
    if (session.store.getState().toast === message) session.store.setState({ toast: null });
  }, 4000);
}

/** Versions live on the server: offline, say so rather than show a browser error. */
const problemText = (error: unknown): string =>
  historyErrorText(error, (key, values) => i18next.t(key, values));

export function HistoryPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { boardId, token } = session;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'saving' | 'restoring' | null>(null);
  const [preview, setPreview] = useState<{ row: VersionRow; file: unknown | null } | null>(null);
  const [confirming, setConfirming] = useState<VersionRow | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A refusal is said at the panel's top: scrolled down a long list to the version restored,
  // the facilitator did not see it.
  const problemSeen = useInViewOnArrival<HTMLParagraphElement>();
  // A refused restore closes its confirmation, which held the focus: it fell to the page's body,
  // and the keyboard started again from the page's top. It goes to the refusal, read out.
  const problemArrived = useCallback(
    (el: HTMLParagraphElement | null) => {
      if (el && focusLost()) el.focus({ preventScroll: true });
      problemSeen(el);
    },
    [problemSeen],
  );
  // What opened the confirmation (a row's « Restaurer », the preview's), given the focus back
  // when it closes without a refusal.
  const confirmOpener = useRef<HTMLElement | null>(null);
  const askToRestore = (row: VersionRow) => {
    confirmOpener.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(row);
  };
  const closeConfirm = () => {
    setConfirming(null);
    const opener = confirmOpener.current;
    confirmOpener.current = null;
    // After the dialog has left the page (its button held the focus until then).
    requestAnimationFrame(() => {
      if (opener?.isConnected && focusLost()) opener.focus();
    });
  };
  // On a page taller than the window (text enlarged: a 1280 × 1024 screen at 400 %), under the
  // header's rows the panel was a 76 px slit. There it takes the window and scrolls as a whole,
  // a dialog (useWholeWindowPanel); Escape or « Fermer » closes it.
  const panel = useRef<HTMLDivElement>(null);
  const { whole, onKeyDown: onPanelKey } = useWholeWindowPanel(panel, onClose);

  const refresh = useCallback(() => {
    listVersions(boardId, token).then(
      (versions) => setLoad({ state: 'ready', versions }),
      (error: unknown) => setLoad({ state: 'error', message: problemText(error) }),
    );
  }, [boardId, token]);
  useEffect(refresh, [refresh]);

  const translate = (key: string, values?: Record<string, unknown>) => t(key, values ?? {});
  const title = (row: VersionRow) => versionTitle(row.name, translate);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanVersionName(name);
    if (!clean || busy) return;
    setBusy('saving');
    setProblem(null);
    saveVersion(boardId, token, clean).then(
      () => {
        setBusy(null);
        setName('');
        toast(session, i18next.t('history.saved', { name: clean }));
        refresh();
      },
      (error: unknown) => {
        setBusy(null);
        setProblem(problemText(error));
        // Refused (R27's maximum reached, another tab's or a script's versions meanwhile): the
        // list shows what the board keeps now, not what it kept when the panel opened.
        refresh();
      },
    );
  };

  const openPreview = (row: VersionRow) => {
    setPreview({ row, file: null });
    setProblem(null);
    fetchVersionFile(boardId, token, row.id).then(
      (file) => setPreview((p) => (p?.row.id === row.id ? { row, file } : p)),
      (error: unknown) => {
        setPreview(null);
        setProblem(problemText(error));
      },
    );
  };
  const onPreviewError = useCallback(
    (error: Error) => {
      setPreview(null);
      setProblem(t('history.error', { message: error.message }));
    },
    [t],
  );

  const onRestore = () => {
    const row = confirming;
    if (!row || busy) return;
    setBusy('restoring');
    setProblem(null);
    restoreVersion(boardId, token, row.id).then(
      () => {
        setBusy(null);
        closeConfirm();
        setPreview(null);
        toast(session, i18next.t('history.restored'));
        refresh();
      },
      (error: unknown) => {
        setBusy(null);
        confirmOpener.current = null;
        setConfirming(null);
        // Asked from the preview, the refusal lay under it, unseen: the preview closes too.
        setPreview(null);
        setProblem(problemText(error));
        // Refused (the version pruned meanwhile by newer automatic ones, another tab's or a
        // script's restores): the list shows what the board keeps now, as after a refused save.
        refresh();
      },
    );
  };

  const rows =
    load.state === 'ready' ? versionRows(load.versions, formatLocale(i18n.language)) : [];
  return (
    <>
      <div
        ref={panel}
        className="history-panel"
        {...wholeWindowProps(whole)}
        aria-label={t('history.title')}
        data-testid="history-panel"
        tabIndex={-1}
        onKeyDown={onPanelKey}
      >
        {/* A div: a <header> in the panel (a dialog where it takes the window) is a second
            « banner » landmark. */}
        <div className="history-header">
          <h2>{t('history.title')}</h2>
          <button type="button" className="history-close" onClick={onClose}>
            {t('history.close')}
          </button>
        </div>
        <form className="history-save" onSubmit={onSave}>
          <label>
            {t('history.nameLabel')}
            <input
              value={name}
              maxLength={100}
              placeholder={t('history.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              data-testid="history-name"
            />
          </label>
          <button type="submit" disabled={!cleanVersionName(name) || busy !== null}>
            {busy === 'saving' ? t('history.saving') : t('history.save')}
          </button>
        </form>
        {problem && (
          <p ref={problemArrived} className="history-problem" role="alert" tabIndex={-1}>
            {problem}
          </p>
        )}
        {load.state === 'loading' && <p className="hint">{t('history.loading')}</p>}
        {load.state === 'error' && (
          <p className="history-problem" role="alert">
            {load.message}
          </p>
        )}
        {load.state === 'ready' && rows.length === 0 && (
          <p className="hint">{t('history.empty')}</p>
        )}
        <ol className="history-list">
          {rows.map((row) => (
            <li
              key={row.id}
              className="history-item"
              data-testid="history-item"
              data-version={row.id}
            >
              <div className="history-item-text">
                <strong>{title(row)}</strong>
                <span className="hint">{versionDetails(row, translate)}</span>
              </div>
              <div className="history-item-actions">
                <button type="button" onClick={() => openPreview(row)}>
                  {t('history.preview')}
                </button>
                <button type="button" onClick={() => askToRestore(row)}>
                  {t('history.restore')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </div>
      {preview && (
        <div
          className="version-overlay"
          role="dialog"
          aria-label={t('history.previewTitle', { name: title(preview.row) })}
        >
          {/* A div: a top-level <header> is a second banner landmark. */}
          <div className="version-overlay-header">
            <h2>{t('history.previewTitle', { name: title(preview.row) })}</h2>
            <span className="badge">{t('history.readOnly')}</span>
            <span className="hint">{preview.row.when}</span>
            <span className="header-gap" />
            <button
              type="button"
              className="history-primary"
              onClick={() => askToRestore(preview.row)}
            >
              {t('history.restoreThis')}
            </button>
            <button type="button" className="history-close" onClick={() => setPreview(null)}>
              {t('history.close')}
            </button>
          </div>
          {preview.file === null ? (
            <p className="page-message">{t('history.previewLoading')}</p>
          ) : (
            <VersionPreview file={preview.file} onError={onPreviewError} />
          )}
        </div>
      )}
      {confirming && (
        <div className="dialog-backdrop history-confirm-backdrop">
          <div
            className="dialog"
            role="alertdialog"
            aria-labelledby="history-confirm-title"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && busy === null) closeConfirm();
            }}
          >
            <h1 id="history-confirm-title">{t('history.confirmTitle')}</h1>
            <p>{t('history.confirmBody', { name: title(confirming), date: confirming.when })}</p>
            <div className="history-confirm-actions">
              {/* Focus starts on the safe choice: Enter does not restore by accident. */}
              <button type="button" className="history-close" autoFocus onClick={closeConfirm}>
                {t('history.cancel')}
              </button>
              <button
                type="button"
                className="history-primary"
                disabled={busy !== null}
                onClick={onRestore}
                data-testid="history-confirm"
              >
                {busy === 'restoring' ? t('history.restoring') : t('history.confirm')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
