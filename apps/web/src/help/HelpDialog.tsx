// « Aide »: how Carton works, in short sections for people who never used a whiteboard. What to
// add (each with the toolbar's own icon), how to move around (touch first on a touch screen),
// how to change things, and the real keyboard shortcuts. A view link gets only what applies.
import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { Icon } from '../ui/icons';
import { useCoarsePointer, type Translate } from '../ui/shortcuts';
import { useSingleKeys } from '../ui/singleKeys';
import { forPlatform, isMac, shortcutGroups } from './shortcutList';
import { helpSections, moveParts, type MovePart } from './sections';

/** What the « Ajouter » section lists: each is drawn with the toolbar's icon of that name. */
const ADDABLE = [
  'note',
  'text',
  'pen',
  'stamp',
  'arrow',
  'image',
  'carton',
  'rect',
  'ellipse',
] as const;

/**
 * « Modifier », in the order a newcomer meets it: choose, recolour, write (and stop writing),
 * make bigger, erase a drawing, delete, undo.
 */
const EDIT_LINES = ['select', 'color', 'write', 'resize', 'erase', 'delete'] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="help-section" data-help-section={id} aria-labelledby={`help-${id}`}>
      <h3 id={`help-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The shortcuts' tables, folded on a touch screen (a phone has no keyboard: a long table of keys
 * there was noise before the end of the help); a tablet's keyboard still opens them.
 */
function KeysFolded({
  folded,
  summary,
  children,
}: {
  folded: boolean;
  summary: string;
  children: ReactNode;
}) {
  if (!folded) return <>{children}</>;
  return (
    <details className="help-keys-folded">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function MoveLines({ part, readOnly, tr }: { part: MovePart; readOnly: boolean; tr: Translate }) {
  const lines = readOnly
    ? [part === 'touch' ? 'touchView' : 'mouseView']
    : part === 'touch'
      ? ['touchPinch', 'touchEmpty', 'touchHand']
      : ['mouseWheel', 'mouseDrag', 'mouseEmpty'];
  return (
    <div className="help-part" data-help-part={part}>
      <h4>{tr(`help.move.${part}`)}</h4>
      <ul>
        {lines.map((line) => (
          <li key={line}>{tr(`help.move.${line}`)}</li>
        ))}
      </ul>
    </div>
  );
}

export function HelpDialog({ readOnly, onClose }: { readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // The catalogue's typed keys do not cover keys built from ids.
  const tr = t as unknown as Translate;
  const coarse = useCoarsePointer();
  const singleKeys = useSingleKeys();
  const mac = isMac();
  const box = useRef<HTMLDivElement>(null);
  useFocusTrap(box);
  const close = useCallback(() => onClose(), [onClose]);
  useCloseOnEscape(close);
  const groups = shortcutGroups(tr, { readOnly, singleKeys, mac });
  const sections = helpSections(readOnly);
  return (
    <div
      className="help-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        ref={box}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-readonly={readOnly}
      >
        <div className="help-top">
          <h2 id="help-title">{t('help.title')}</h2>
          <button type="button" className="chip" onClick={close} autoFocus>
            {t('help.close')}
          </button>
        </div>
        {/* Focusable so the keyboard can scroll it on a small screen. */}
        <div className="help-body" tabIndex={0}>
          {readOnly && <p className="help-read-only">{t('help.readOnly')}</p>}
          {sections.includes('add') && (
            <Section id="add" title={t('help.add.title')}>
              <p>{t('help.add.intro')}</p>
              <ul className="help-add">
                {ADDABLE.map((id) => (
                  <li key={id} data-help-add={id}>
                    <span className="help-icon">
                      <Icon name={id} />
                    </span>
                    <span>{tr(`help.add.${id}`)}</span>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section id="move" title={t('help.move.title')}>
            <ul>
              <li>{t('help.move.fit')}</li>
              <li>{t('help.move.find')}</li>
            </ul>
            {moveParts(coarse).map((part) => (
              <MoveLines key={part} part={part} readOnly={readOnly} tr={tr} />
            ))}
          </Section>
          {sections.includes('edit') && (
            <Section id="edit" title={t('help.edit.title')}>
              <ul>
                {EDIT_LINES.map((line) => (
                  <li key={line}>{t(`help.edit.${line}`)}</li>
                ))}
                <li>{tr('help.edit.undo', { keys: forPlatform(tr('shortcuts.undo'), mac) })}</li>
              </ul>
            </Section>
          )}
          {sections.includes('vote') && (
            <Section id="vote" title={t('rehearsal.helpVote.title')}>
              <ul>
                <li>{t('rehearsal.helpVote.banner')}</li>
                <li>{t(coarse ? 'rehearsal.helpVote.placeTouch' : 'rehearsal.helpVote.place')}</li>
                <li>{t('rehearsal.helpVote.leave')}</li>
              </ul>
            </Section>
          )}
          {sections.includes('wifi') && (
            <Section id="wifi" title={t('help.wifi.title')}>
              <ul>
                <li>{t('help.wifi.keep')}</li>
                <li>{t('help.wifi.status')}</li>
              </ul>
            </Section>
          )}
          <Section id="keys" title={t('help.keys.title')}>
            <KeysFolded folded={coarse} summary={t('help.keys.show')}>
              <p>{t('help.keys.intro')}</p>
              {groups.map((group) => (
                <table key={group.id} className="help-keys" data-help-keys={group.id}>
                  <caption>{group.title}</caption>
                  <tbody>
                    {group.rows.map((row) => (
                      <tr key={row.id} data-shortcut={row.id}>
                        <th scope="row">{row.label}</th>
                        <td>
                          <kbd>{row.keys}</kbd>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </KeysFolded>
          </Section>
        </div>
      </div>
    </div>
  );
}
