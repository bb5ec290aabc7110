// Every board of the forum with its participation and view links: QR codes, copy, project,
// replace (the old link stops working at once, after a confirmation), and the links the page
// cannot show created all at once (« Créer les liens manquants »).
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rotateLink, type FacilitatorBoard, type ForumBoard, type Link } from './api';
import { boardKindLabel } from './boardKind';
import { BoardManage } from './BoardManage';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { forumErrorText } from './errorText';
import { linkPortSuffix, loopbackHost } from './linkHost';
import { MissingLinksAction, PrintLinksButton } from './MissingLinks';
import { ProjectedQr, QrCode } from './QrCode';
import { useMissingLinks } from './useMissingLinks';

type Role = 'edit' | 'view';

/** The link field and its « Copier » (the field is what the copy fallbacks select). */
function LinkField({
  url,
  label,
  role,
  children,
}: {
  url: string;
  label: string;
  role: Role;
  children: ReactNode;
}) {
  const field = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={field}
        readOnly
        value={url}
        className="link-url"
        aria-label={label}
        data-role={role}
      />
      {/* A field prints cut to its width: on paper the whole link is written out instead. */}
      <span className="link-print-url" aria-hidden="true">
        {url}
      </span>
      <div className="link-actions">
        <CopyButton text={url} field={field} />
        {children}
      </div>
    </>
  );
}

export function BoardLinks({
  forumId,
  token,
  boards,
  onRotated,
  onRenamed,
  onRemoved,
}: {
  forumId: string;
  token: string;
  boards: readonly FacilitatorBoard[];
  onRotated: (boardId: string, role: Role, link: Link) => void;
  onRenamed: (board: ForumBoard) => void;
  onRemoved: (boardId: string) => void;
}) {
  const { t } = useTranslation();
  const [projected, setProjected] = useState<{ text: string; title: string } | null>(null);
  const [confirming, setConfirming] = useState<{ board: FacilitatorBoard; role: Role } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const missingLinks = useMissingLinks({ forumId, token, boards, onRotated, onRemoved });
  const { linkOf } = missingLinks;
  // While the missing links are being created, no single replacement: one made meanwhile could
  // be replaced again by the run (the page would show a link that no longer opens).
  const creating = missingLinks.progress !== null;
  // Every link shares one base (the server's): the first one says whether phones can open them.
  const firstLink = boards.map((b) => linkOf(b, 'edit')).find((link) => link)?.url;
  const loopback = firstLink ? loopbackHost(firstLink) : null;

  const rotate = (board: FacilitatorBoard, role: Role) => {
    setConfirming(null);
    rotateLink(forumId, token, board.id, role).then(
      ({ link }) => onRotated(board.id, role, link),
      (e: unknown) => setError(forumErrorText(e, t)),
    );
  };

  const linkCell = (board: FacilitatorBoard, role: Role) => {
    const link = linkOf(board, role);
    const label = t(role === 'edit' ? 'forum.links.edit' : 'forum.links.view');
    // A link sealed under a facilitator link since replaced (L4), or from an imported forum:
    // it still works on paper, but only a replacement shows one here again.
    if (!link)
      return (
        <td className="link-cell" data-role={role}>
          <strong>{label}</strong>
          <p>{t('forum.links.unavailable')}</p>
          <div className="link-actions">
            <button
              type="button"
              disabled={creating}
              onClick={() => setConfirming({ board, role })}
            >
              {t('forum.links.rotate')}
            </button>
          </div>
        </td>
      );
    return (
      <td className="link-cell" data-role={role}>
        <strong>{label}</strong>
        <QrCode text={link.url} label={t('forum.links.qrOf', { label, title: board.title })} />
        {/* On the printed sheet a table reads which code to scan, and what it opens. */}
        <p className="qr-instruction" data-role={role}>
          {t(role === 'edit' ? 'forumDay.print.scanEdit' : 'forumDay.print.scanView', {
            title: board.territory ?? board.title,
          })}
        </p>
        <LinkField url={link.url} label={label} role={role}>
          <button
            type="button"
            onClick={() => setProjected({ text: link.url, title: `${board.title} — ${label}` })}
          >
            {t('forum.links.project')}
          </button>
          <button type="button" disabled={creating} onClick={() => setConfirming({ board, role })}>
            {t('forum.links.rotate')}
          </button>
        </LinkField>
      </td>
    );
  };

  return (
    <section className="forum-section forum-links-section" id="forum-links">
      <div className="forum-links-heading">
        <h2>{t('forum.links.title')}</h2>
        <PrintLinksButton state={missingLinks} />
        <p className="hint">{t('forum.printLinks.hint')}</p>
        <MissingLinksAction state={missingLinks} />
      </div>
      {loopback && (
        <p className="link-warning">
          {t('forum.links.loopbackWarning', {
            host: loopback,
            port: firstLink ? linkPortSuffix(firstLink) : '',
          })}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <table className="forum-links">
        <tbody>
          {boards.map((board) => (
            <tr key={board.id} data-board-id={board.id} data-kind={boardKindLabel(board)}>
              <th scope="row">
                <span className="board-kind">{t(`home.kind.${boardKindLabel(board)}`)}</span>
                <span className="board-name">{board.territory ?? board.title}</span>
                {/* A new tab each: this page keeps the day's controls (timer, votes) at hand,
                    and the projector's tab can be moved to the second screen. */}
                <a
                  className="open-board"
                  href={`/b/${board.id}#token=${token}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('forum.links.open')}
                </a>
                <a
                  className="open-board"
                  href={`/p/${board.id}#token=${token}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('forum.links.projector')}
                </a>
                <BoardManage
                  forumId={forumId}
                  token={token}
                  board={board}
                  boards={boards}
                  onRenamed={onRenamed}
                  onRemoved={onRemoved}
                />
              </th>
              {linkCell(board, 'edit')}
              {linkCell(board, 'view')}
            </tr>
          ))}
        </tbody>
      </table>
      {projected && (
        <ProjectedQr
          text={projected.text}
          title={projected.title}
          onClose={() => setProjected(null)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          message={t('forum.links.confirmRotate', {
            label: t(confirming.role === 'edit' ? 'forum.links.edit' : 'forum.links.view'),
            title: confirming.board.title,
          })}
          confirmLabel={t('forum.links.rotateConfirm')}
          onConfirm={() => rotate(confirming.board, confirming.role)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
