// The « Exporter / Importer » panel: one export at a time with its options, three imports
// (board file, CSV notes, Excalidraw) for those who may edit, a board file into a new board
// for the facilitator, progress for every step, and
// errors said in the reader's language. A view link exports but never imports.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../board/context';
import { boardRoomStore } from '../forum/boardRoom';
import { useForumSnapshot } from '../forum/useForumRoom';
import {
  WHITE,
  exportJsonFile,
  exportPdfFile,
  exportPngFile,
  exportSvgFile,
  saveFile,
  type ExportStep,
} from './exporters';
import {
  importBoardFile,
  importCsvNotes,
  importExcalidraw,
  type ImportResult,
  type ImportStep,
} from './importers';
import { errorMessage, type Translate } from './messages';
import { NewBoardImport } from './NewBoardImport';
import { PAGE_SIZES, type Orientation, type PageSize } from './pdf';
import { DEFAULT_EXPORT_SCALE } from './scale';
import './file-choose.css';
import './export.css';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { forumExportDay } from './namingDay';
import { exportedVote } from './voteDots';

type Format = 'json' | 'png' | 'svg' | 'pdf';
type ScopeKind = 'board' | 'selection' | 'carton';
type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; value: number | null }
  | { kind: 'done'; text: string; note?: string }
  | { kind: 'error'; text: string };

const FORMATS: Format[] = ['json', 'png', 'svg', 'pdf'];
const SCALES = [1, 2, 3, 4];
const PAGES = Object.keys(PAGE_SIZES) as PageSize[];

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { t, i18n } = useTranslation();
  const readOnly = session.readOnly;
  const selection = useSyncExternalStore(
    session.store.subscribe,
    () => session.store.getState().selection,
  );
  const cartons = useMemo(
    () =>
      session.board
        .listShapes()
        .flatMap((s) => (s.type === 'carton' ? [{ id: s.id, title: s.title }] : [])),
    [session],
  );
  const selectedCarton = cartons.find((c) => selection.includes(c.id))?.id;
  const [format, setFormat] = useState<Format>('png');
  const [scope, setScope] = useState<ScopeKind>(
    selection.length === 1 && selectedCarton
      ? 'carton'
      : selection.length > 0
        ? 'selection'
        : 'board',
  );
  const [cartonId, setCartonId] = useState(selectedCarton ?? cartons[0]?.id ?? '');
  const [scale, setScale] = useState(DEFAULT_EXPORT_SCALE);
  const [transparent, setTransparent] = useState(false);
  const [page, setPage] = useState<PageSize>('letter');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The closed vote's dots, as the board shows them after the vote (every link reads the forum
  // room, F2): offered only once a vote over this board is closed, and ticked, since the
  // picture is the board as it is seen — a facilitator exporting the carton after the vote for
  // the forum's report wants its votes; unticked, the carton as written, for a clean poster.
  const room = useStore(boardRoomStore(session));
  const { votes } = useForumSnapshot(room);
  const vote = useMemo(
    () => exportedVote(votes, session.boardId, (id) => session.scene.getShape(id)?.type === 'note'),
    [votes, session],
  );
  const [withDots, setWithDots] = useState(true);
  const dots = vote && withDots ? vote.dots : undefined;
  const dialog = useRef<HTMLDivElement>(null);
  const busy = status.kind === 'busy';
  // The catalogue's typed keys do not cover keys built from codes and steps.
  const tr = t as unknown as Translate;

  useEffect(() => dialog.current?.focus(), []);
  useCloseOnEscape(onClose);
  useFocusTrap(dialog);

  const exportStep = (step: ExportStep) =>
    setStatus({
      kind: 'busy',
      text: tr(`export.progress.${step.step}`, step.step === 'images' ? { ...step } : {}),
      value: step.step === 'images' && step.total > 0 ? step.done / step.total : null,
    });
  const importStep = (step: ImportStep) =>
    setStatus({
      kind: 'busy',
      text: tr(`export.progress.${step.step}`, step.step === 'uploading' ? { ...step } : {}),
      value: step.step === 'uploading' && step.total > 0 ? step.done / step.total : null,
    });

  const runExport = async () => {
    setStatus({ kind: 'busy', text: t('export.progress.drawing'), value: null });
    try {
      const background = transparent ? null : WHITE;
      // Named with the forum's day, not the day of the export (else today's).
      const day = await forumExportDay(session.info.board.forumId, session.token);
      const file =
        format === 'json'
          ? await exportJsonFile(session, exportStep, day)
          : format === 'png'
            ? await exportPngFile(
                session,
                {
                  scope:
                    scope === 'board'
                      ? { kind: 'board' }
                      : scope === 'selection'
                        ? { kind: 'selection', ids: session.store.getState().selection }
                        : { kind: 'carton', id: cartonId },
                  scale,
                  background,
                  dots,
                },
                exportStep,
                day,
              )
            : format === 'svg'
              ? await exportSvgFile(session, { cartonId, background, dots }, exportStep, day)
              : await exportPdfFile(
                  session,
                  cartonId,
                  { size: page, orientation, dots },
                  exportStep,
                  day,
                );
      saveFile(file);
      setStatus({
        kind: 'done',
        text: t('export.progress.done', { name: file.name }),
        ...(file.reduced
          ? {
              note: t('export.scaleReduced', {
                scale: file.reduced.scale.toLocaleString(i18n.language),
                width: file.reduced.width,
                height: file.reduced.height,
              }),
            }
          : {}),
      });
    } catch (error) {
      console.warn('Carton: export failed', error);
      setStatus({ kind: 'error', text: errorMessage(error, tr) });
    }
  };

  const runImport = async (
    file: File,
    importer: (s: typeof session, f: File, r: (step: ImportStep) => void) => Promise<ImportResult>,
  ) => {
    setStatus({ kind: 'busy', text: t('export.progress.reading'), value: null });
    try {
      const result = await importer(session, file, importStep);
      const warnings = result.warnings > 0 ? t('export.warnings', { count: result.warnings }) : '';
      setStatus({
        kind: 'done',
        text: t('export.imported', { count: result.created }),
        ...(warnings ? { note: warnings } : {}),
      });
    } catch (error) {
      console.warn('Carton: import failed', error);
      setStatus({ kind: 'error', text: errorMessage(error, tr) });
    }
  };

  const fileInput = (label: string, accept: string, importer: Parameters<typeof runImport>[1]) => (
    <label className="export-file" data-disabled={busy}>
      <span>{label}</span>
      {/* The native control speaks the browser's language, not the page's: hidden, and the
          label itself is the button. */}
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={busy}
        aria-label={label}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void runImport(file, importer);
        }}
      />
    </label>
  );

  const needsCarton =
    format === 'svg' || format === 'pdf' || (format === 'png' && scope === 'carton');
  // In <body>, above the header, the panels and the toolbar (the header is its own layer).
  return createPortal(
    <div
      ref={dialog}
      className="export-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="export-title"
      tabIndex={-1}
    >
      {/* Not a <header>: at the body's top level it would be a second banner landmark. */}
      <div className="export-dialog-header">
        <h2 id="export-title">{t('export.title')}</h2>
        <button type="button" className="chip" onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
      <div className="export-status" role="status" aria-live="polite">
        {status.kind === 'busy' && (
          <>
            <progress value={status.value ?? undefined} max={1} />
            <span>{status.text}</span>
          </>
        )}
        {status.kind === 'done' && (
          <>
            <span>{status.text}</span>
            {status.note && <span className="export-note">{status.note}</span>}
          </>
        )}
      </div>
      {status.kind === 'error' && (
        <p className="export-error" role="alert">
          {status.text}
        </p>
      )}
      <section aria-labelledby="export-out">
        <h3 id="export-out">{t('export.exportHeading')}</h3>
        <fieldset className="export-formats" disabled={busy}>
          <legend>{t('export.format')}</legend>
          {FORMATS.map((id) => (
            <label key={id}>
              <input
                type="radio"
                name="export-format"
                value={id}
                checked={format === id}
                onChange={() => setFormat(id)}
              />
              {t(`export.formats.${id}`)}
            </label>
          ))}
        </fieldset>
        <div className="export-options">
          {format === 'json' && <p className="export-hint">{t('export.jsonHint')}</p>}
          {format === 'png' && (
            <label>
              {t('export.scope')}
              <select
                aria-label={t('export.scope')}
                value={scope}
                onChange={(e) => setScope(e.target.value as ScopeKind)}
              >
                {(['board', 'selection', 'carton'] as const).map((id) => (
                  <option key={id} value={id}>
                    {t(`export.scopes.${id}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {needsCarton && (
            <label>
              {t('export.carton')}
              <select
                aria-label={t('export.carton')}
                value={cartonId}
                onChange={(e) => setCartonId(e.target.value)}
              >
                {cartons.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title.trim() || t('export.untitled')}
                  </option>
                ))}
              </select>
            </label>
          )}
          {format === 'png' && (
            <label>
              {t('export.scale')}
              <select
                aria-label={t('export.scale')}
                value={scale}
                onChange={(e) => setScale(Number(e.target.value))}
              >
                {SCALES.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          )}
          {(format === 'png' || format === 'svg') && (
            <label>
              {t('export.background')}
              <select
                aria-label={t('export.background')}
                value={transparent ? 'transparent' : 'white'}
                onChange={(e) => setTransparent(e.target.value === 'transparent')}
              >
                <option value="white">{t('export.backgrounds.white')}</option>
                <option value="transparent">{t('export.backgrounds.transparent')}</option>
              </select>
            </label>
          )}
          {format !== 'json' && vote && (
            <div className="export-dots">
              <label>
                <input
                  type="checkbox"
                  checked={withDots}
                  aria-describedby="export-dots-hint"
                  onChange={(e) => setWithDots(e.target.checked)}
                />
                {t('export.voteDots')}
              </label>
              <p id="export-dots-hint" className="export-hint">
                {t('export.voteDotsHint', { title: vote.title, count: vote.total })}
              </p>
            </div>
          )}
          {format === 'pdf' && (
            <>
              <label>
                {t('export.page')}
                <select
                  aria-label={t('export.page')}
                  value={page}
                  onChange={(e) => setPage(e.target.value as PageSize)}
                >
                  {PAGES.map((id) => (
                    <option key={id} value={id}>
                      {t(`export.pageSizes.${id}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('export.orientation')}
                <select
                  aria-label={t('export.orientation')}
                  value={orientation}
                  onChange={(e) => setOrientation(e.target.value as Orientation)}
                >
                  <option value="portrait">{t('export.orientations.portrait')}</option>
                  <option value="landscape">{t('export.orientations.landscape')}</option>
                </select>
              </label>
            </>
          )}
        </div>
        <button
          type="button"
          className="export-go"
          disabled={busy || (needsCarton && cartonId === '')}
          onClick={() => void runExport()}
        >
          {t('export.download')}
        </button>
      </section>
      <section aria-labelledby="export-in">
        <h3 id="export-in">{t('export.importHeading')}</h3>
        {readOnly ? (
          <p className="export-hint">{t('export.viewOnly')}</p>
        ) : (
          <>
            {fileInput(t('export.importJson'), '.json,application/json', importBoardFile)}
            {fileInput(t('export.importCsv'), '.csv,text/csv,text/plain', importCsvNotes)}
            {fileInput(
              t('export.importExcalidraw'),
              '.excalidraw,application/json',
              importExcalidraw,
            )}
            <p className="export-hint">{t('export.importHint')}</p>
            {session.info.role === 'facilitator' ? (
              <NewBoardImport
                forumId={session.info.board.forumId}
                token={session.token}
                label={t('export.newBoard.menu')}
                openUrl={(board) => `/b/${board.id}#token=${session.token}`}
              />
            ) : (
              <p className="export-hint">{t('export.importNewBoard')}</p>
            )}
          </>
        )}
      </section>
    </div>,
    document.body,
  );
}
