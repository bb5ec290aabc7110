// « Les incontournables »: every note of the chosen boards in one list (identical ideas merged by
// the server); the facilitator drags an item onto another to merge them (or uses « Fusionner
// avec… »), sets aside what is not an idea (« Écarter »: the question copied to every carton),
// and downloads the list as Markdown or CSV.
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadCompilation,
  fetchCompilation,
  putCompilation,
  type Compilation,
  type CompilationItem,
  type ForumBoard,
} from './api';
import {
  IDLE_DRAG,
  dragReducer,
  mergeChange,
  splitChange,
  undoChange,
  type MergeChange,
} from './mergeDrag';
import { BoardChoice } from './BoardChoice';
import {
  ideaLabel,
  ideaPlaces,
  listPlacing,
  setAsideChange,
  setAsideItems,
  type CompilationChange,
} from './compilationItem';
import {
  compiledByDefault,
  loadSeenBoards,
  restoredChoice,
  saveSeenBoards,
  useBoardChoice,
} from './compilationChoice';
import { forumErrorText } from './errorText';
import { staleMerges } from './staleMerges';
import { IdeaWords } from './IdeaWords';
import { answerOrder } from './answerOrder';
import { SimilarIdeas } from './SimilarIdeas';
import { likelyMerges, suggestedMerges } from './similarChoice';
import { dragHold, listRereads } from './listRereads';
import { FORUM_REREAD_MS } from './refreshWhenBack';
import { ListOnPlenary } from './ListOnPlenary';
import { useOnScreenReads } from './onScreenReads';

export function CompilationPanel({
  forumId,
  token,
  boards,
  onCompilation,
  onListPlaced,
  compiledAt = null,
  rankingVote = null,
}: {
  forumId: string;
  token: string;
  boards: readonly ForumBoard[];
  /**
   * When « Les incontournables » last changed, from the forum room (its compilation.updatedAt):
   * another facilitator's merge or « Non, elles sont différentes » shows here without a reload.
   */
  compiledAt?: number | null;
  /**
   * The vote that places the list (the one closed last, with its close time): once a vote
   * closes, the list's dots and places are read again — the room's vote on the list on the
   * plenary shows here as it closes.
   */
  rankingVote?: string | null;
  /** The list as shown, for « Vote par points » (which boards its ideas come from). */
  onCompilation?: (compilation: Compilation | null) => void;
  /** The list was put on this board (C10): « Vote par points » proposes it. */
  onListPlaced?: (boardId: string, sameSince: number | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { chosen, setChosen, choose, restore } = useBoardChoice(
    () => new Set(boards.filter(compiledByDefault).map((b) => b.id)),
  );
  // The boards as last shown: the saved list is restored against them once it arrives.
  const shown = useRef(boards);
  const [compilation, setCompilation] = useState<Compilation | null>(null);
  useEffect(() => onCompilation?.(compilation), [compilation, onCompilation]);
  const [drag, dispatch] = useReducer(dragReducer, IDLE_DRAG);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(forumErrorText(e, t));
  const items = compilation?.items ?? [];

  // Ten boards of notes take a moment: the button says so and takes no second click meanwhile.
  const [busy, setBusy] = useState(false);
  // The last merge or idea set aside, said in words with « Annuler »: a drop on the wrong idea
  // is easy on a long list, and the idea vanishes into another one or out of the list.
  const [notice, setNotice] = useState<{
    text: string;
    undoLabel: string;
    undo: CompilationChange;
  } | null>(null);
  const setAside = setAsideItems(compilation);
  // Once a vote has placed the list: the ideas it gave no dot take no number (C5's rule).
  const placing = listPlacing(compilation);
  const stale = compilation ? staleMerges(compilation) : [];
  // The idea whose words are being changed (« Reformuler »), by its key.
  const [rewording, setRewording] = useState<string | null>(null);
  // The idea whose « Reformuler » takes the focus once the control that had it leaves the page
  // (its words' form closed by Entrée or Échap, « Reprendre les mots des papillons », a notice of
  // merges that no longer hold, the last suggestion of « Ces idées se ressemblent »): the focus
  // fell to the page's top, and a keyboard or screen-reader facilitator started again from there.
  // Taken only when the focus was lost, never from elsewhere.
  const focusBack = useRef<{ key: string; shown: boolean } | null>(null);
  const focusAfter = (key: string | undefined) => {
    focusBack.current = key === undefined ? null : { key, shown: false };
  };
  const closeWords = (key: string) => {
    focusAfter(key);
    setRewording(null);
  };
  // Given up once the change it waited for is shown (the focus was not lost: nothing to do), not
  // at another answer's (« Compiler » still on its way).
  useLayoutEffect(() => {
    if (focusBack.current?.shown) focusBack.current = null;
  }, [compilation]);
  // C9: ideas that very likely say the same thing, less those said different.
  const suggestions = useMemo(
    () => suggestedMerges(compilation?.items ?? [], compilation?.distinct),
    [compilation],
  );
  // The projector shows the list after the plenary's slides (ListSlide).
  const plenary = boards.find((b) => b.kind === 'plenary');

  // Two changes close together: an answer older than the one shown is dropped (answerOrder).
  const [answers] = useState(answerOrder);
  // The list read again when it changed elsewhere (compiledAt) and every FORUM_REREAD_MS (the
  // notes' words, which no room here follows), never past this page's own changes in flight.
  const readAgain = useRef(() => {});
  useLayoutEffect(() => {
    readAgain.current = () => {
      const fresh = answers.ask();
      fetchCompilation(forumId, token).then(
        (next) => hold.deliver(() => fresh() && show(next)),
        () => undefined, // the list shown stays; the next change or read catches up
      );
    };
  });
  const [rereads] = useState(() => listRereads(() => readAgain.current()));
  // Its version (updatedAt, the room's compiledAt) seen: the room's echo of our change is no news.
  const show = (next: Compilation) => {
    rereads.saw(next.updatedAt);
    setCompilation(next);
  };
  // No read lands while an idea is dragged to merge: the list would slide under the pointer.
  const [hold] = useState(() => dragHold(rereads.begin));
  // The list and its merges live on the server: shown again when the page is reopened, not an
  // empty panel as if the merging work was lost. In flight like an own change (begun before the
  // room's compiledAt below): that version is read only if newer than this answer's (one read).
  useEffect(() => {
    let live = true;
    const end = rereads.begin();
    fetchCompilation(forumId, token).then((stored) => {
      if (!live) return;
      rereads.saw(stored.updatedAt);
      setCompilation((current) => current ?? stored);
      // A board added since the list was saved is ticked: left out, its notes were missed.
      restore(restoredChoice(shown.current, stored.boardIds, loadSeenBoards(forumId)));
      end();
    }, end);
    return () => {
      live = false;
      end();
    };
  }, [forumId, token, rereads, restore]);
  const ranked = useRef({ vote: rankingVote, at: compiledAt });
  useEffect(() => {
    // A vote closed ranks the list anew; not the ranking vote heard with the room's first state.
    const closed = ranked.current.vote !== rankingVote && ranked.current.at !== null;
    ranked.current = { vote: rankingVote, at: compiledAt };
    if (compiledAt !== null || rankingVote !== null) rereads.changed(closed ? null : compiledAt);
  }, [compiledAt, rankingVote, rereads]);
  // The clock's reads only while the list is on screen (onScreenReads.ts: ~150 kB each).
  const section = useRef<HTMLElement>(null);
  useOnScreenReads(section, rereads.changed, FORUM_REREAD_MS);
  const compile = () => {
    setError(null);
    setNotice(null);
    setBusy(true);
    const boardIds = [...chosen];
    const offered = boards;
    const fresh = answers.ask();
    const end = rereads.begin();
    putCompilation(forumId, token, { boardIds })
      .then((next) => {
        if (fresh()) show(next);
        saveSeenBoards(forumId, offered);
      }, fail)
      .finally(() => {
        setBusy(false);
        end();
      });
  };
  const apply = (change: CompilationChange | null, said?: NonNullable<typeof notice>) => {
    if (!change) return;
    setError(null);
    const waiting = focusBack.current;
    const fresh = answers.ask();
    const end = rereads.begin();
    putCompilation(forumId, token, change)
      .then(
        (next) => {
          if (!fresh()) {
            // A later change's list is shown already, with this one in it.
            if (focusBack.current === waiting) focusBack.current = null;
            return;
          }
          if (waiting) waiting.shown = true;
          show(next);
          setNotice(said ?? null);
        },
        (e: unknown) => {
          // The control stays: no focus to take back later, at some unrelated render.
          if (focusBack.current === waiting) focusBack.current = null;
          fail(e);
        },
      )
      .finally(end);
  };
  const merge = (sourceKey: string, targetKey: string) => {
    const text = (key: string) => items.find((i) => i.key === key)?.text ?? key;
    const change: MergeChange | null = mergeChange(items, sourceKey, targetKey);
    if (!change) return;
    apply(
      { merges: change },
      {
        text: t('forumDay.compilation.merged', {
          source: text(sourceKey),
          target: text(targetKey),
        }),
        undoLabel: t('forumDay.compilation.undo'),
        undo: { merges: undoChange(change, compilation?.merges ?? {}) },
      },
    );
  };
  // A board added while the panel is open (imported or added on this page) is ticked too,
  // unless this device's saved list has seen it (a board brought back keeps its choice).
  useEffect(() => {
    const before = new Set(shown.current.map((b) => b.id));
    shown.current = boards;
    const added = boards.filter((b) => !before.has(b.id));
    if (added.length === 0) return;
    setChosen((current) => {
      const restored = restoredChoice(boards, [...current], loadSeenBoards(forumId));
      const ticked = added.filter((b) => restored.has(b.id) && !current.has(b.id));
      return ticked.length === 0 ? current : new Set([...current, ...ticked.map((b) => b.id)]);
    });
  }, [boards, forumId]);

  /**
   * One idea of the list: dragged onto another to merge, its menu and buttons. `place`: its
   * number once a vote placed the list (ties share one); `noDot`: that vote gave it none.
   */
  const ideaRow = (item: CompilationItem, place: number | null = null, noDot = false) => (
    <li
      key={item.key}
      data-key={item.key}
      value={place ?? undefined}
      // Its place, not its rank in the <ol>: two ideas tied for 2nd are both read « 2 ».
      aria-posinset={place ?? undefined}
      aria-setsize={place !== null ? placing?.placed.length : undefined}
      data-undotted={noDot ? '' : undefined}
      className={`compilation-item${drag.over === item.key ? ' drop-target' : ''}${drag.dragging === item.key ? ' dragging' : ''}`}
      draggable={rewording !== item.key}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', item.key);
        e.dataTransfer.effectAllowed = 'move';
        dispatch({ type: 'start', key: item.key });
        hold.start();
      }}
      onDragEnter={() => dispatch({ type: 'enter', key: item.key })}
      onDragLeave={() => dispatch({ type: 'leave', key: item.key })}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const source = e.dataTransfer.getData('text/plain') || drag.dragging;
        dispatch({ type: 'end' });
        if (source) merge(source, item.key);
        hold.stop(); // after the merge's PUT began: a read owed waits for its answer
      }}
      onDragEnd={() => {
        dispatch({ type: 'end' });
        hold.stop();
      }}
    >
      {/* The cards draw no list number: the place in a badge, as the list slide's, and said
          « 2e place » to a screen reader. */}
      {place !== null && (
        <span className="item-place">
          <span aria-hidden="true">{place}</span>
          <span className="visually-hidden">
            {t('forumDay.compilation.place', { count: place, ordinal: true })}
          </span>
        </span>
      )}
      <IdeaWords
        key={`${item.key}:${item.text}`}
        item={item}
        editing={rewording === item.key}
        onCancel={() => closeWords(item.key)}
        onSave={(words) => {
          closeWords(item.key);
          apply({ wordings: { [item.key]: words } });
        }}
      />
      <span className="item-meta">
        <span className="item-count">{t('forum.compilation.count', { count: item.count })}</span>
        {ideaPlaces(item).length > 0 && (
          <span className="item-territories">{ideaPlaces(item).join(', ')}</span>
        )}
        {item.votes > 0 && (
          <span className="item-votes">{t('forum.compilation.votes', { count: item.votes })}</span>
        )}
        {/* The list slide's words: the page and the projector say it alike. */}
        {noDot && <span className="item-no-dot">{t('projector.list.noDot')}</span>}
      </span>
      <select
        aria-label={t('forumDay.compilation.mergeLabel', { text: ideaLabel(item.text) })}
        value=""
        onChange={(e) => merge(item.key, e.target.value)}
      >
        <option value="">{t('forum.compilation.mergeWith')}</option>
        <MergeOptions
          items={items}
          itemKey={item.key}
          likely={likelyMerges(item.key, suggestions)}
        />
      </select>
      {compilation && splitChange(item, compilation.merges) && (
        <button
          type="button"
          onClick={() => apply({ merges: splitChange(item, compilation.merges) ?? {} })}
        >
          {t('forum.compilation.split')}
        </button>
      )}
      {rewording !== item.key && (
        <button
          type="button"
          ref={(button) => {
            const lost = !document.activeElement || document.activeElement === document.body;
            if (button && focusBack.current?.key === item.key && lost) {
              focusBack.current = null;
              button.focus();
            }
          }}
          aria-label={t('forumDay.compilation.rewordLabel', { text: ideaLabel(item.text) })}
          onClick={() => setRewording(item.key)}
        >
          {t('forumDay.compilation.reword')}
        </button>
      )}
      {item.notesText !== undefined && rewording !== item.key && (
        <button
          type="button"
          onClick={() => {
            focusAfter(item.key);
            apply({ wordings: { [item.key]: null } });
          }}
        >
          {t('forumDay.compilation.notesWordsBack')}
        </button>
      )}
      <button
        type="button"
        aria-label={t('forumDay.compilation.setAsideLabel', { text: ideaLabel(item.text) })}
        onClick={() =>
          apply(setAsideChange(item, true), {
            text: t('forumDay.compilation.setAsideDone', { text: ideaLabel(item.text) }),
            undoLabel: t('forumDay.compilation.undoSetAside'),
            undo: setAsideChange(item, false),
          })
        }
      >
        {t('forumDay.compilation.setAside')}
      </button>
    </li>
  );

  return (
    <section className="forum-section compilation" id="forum-compilation" ref={section}>
      <h2>{t('forum.compilation.title')}</h2>
      <BoardChoice
        legend={t('forum.compilation.boards')}
        boards={boards}
        chosen={chosen}
        onChange={choose}
      />
      <div className="forum-row">
        <button type="button" onClick={compile} disabled={chosen.size === 0 || busy}>
          {busy ? t('forumDay.compilation.busy') : t('forum.compilation.compile')}
        </button>
        <button
          type="button"
          disabled={!compilation}
          onClick={() => void downloadCompilation(forumId, token, 'md', i18n.language).catch(fail)}
        >
          {t('forum.compilation.markdown')}
        </button>
        <button
          type="button"
          disabled={!compilation}
          onClick={() => void downloadCompilation(forumId, token, 'csv', i18n.language).catch(fail)}
        >
          {t('forum.compilation.csv')}
        </button>
        {/* The list on the projector, in a tab of its own (as « Mode projection »): the room
            sees the ideas and not this page, whose top holds the facilitator link. */}
        {plenary && compilation && items.length > 0 && (
          <a
            className="project-list"
            href={`/p/${encodeURIComponent(plenary.id)}#token=${token}&slide=list`}
            target="_blank"
            rel="noopener"
          >
            {t('forumDay.compilation.project')}
          </a>
        )}
      </div>
      {plenary && compilation && items.length > 0 && (
        <p className="hint">{t('forumDay.compilation.projectHint')}</p>
      )}
      {/* A server that does not rank the list (older than this page): the projector shows it
          in its own order rather than nothing; said here, not to the room. */}
      {plenary && rankingVote !== null && compilation && compilation.rankedBy === undefined && (
        <p className="hint project-unranked">{t('forumDay.compilation.projectUnranked')}</p>
      )}
      {compilation && items.length > 0 && (
        <ListOnPlenary
          forumId={forumId}
          token={token}
          plenary={plenary}
          onPlaced={onListPlaced}
          onPlenary={compilation?.onPlenary ?? null}
          list={items}
        />
      )}
      {error && <p role="alert">{error}</p>}
      <p className="merge-notice" role="status">
        {notice && (
          <>
            {notice.text}{' '}
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                apply(notice.undo);
              }}
            >
              {notice.undoLabel}
            </button>
          </>
        )}
      </p>
      {stale.map((group) => {
        const ideas = group.items
          .map((item) => ideaLabel(item.text))
          .join(t('forum.openVote.separator'));
        const keys = group.items.map((item) => item.key);
        return (
          <div className="stale-merges" role="status" key={group.target} data-target={group.target}>
            <p>{t('forumDay.compilation.staleMerges', { count: group.items.length, ideas })}</p>
            <div className="forum-row">
              <select
                aria-label={t('forumDay.compilation.staleMergeLabel', { ideas })}
                value=""
                onChange={(e) => {
                  const target = e.target.value;
                  if (!target) return;
                  focusAfter(target);
                  apply({ merges: Object.fromEntries(keys.map((key) => [key, target])) });
                }}
              >
                <option value="">{t('forumDay.compilation.staleMergeWith')}</option>
                {items
                  .filter((other) => !keys.includes(other.key))
                  .map((other) => (
                    <option key={other.key} value={other.key}>
                      {ideaLabel(other.text)}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                onClick={() => {
                  focusAfter(keys[0]);
                  apply({ merges: Object.fromEntries(keys.map((key) => [key, null])) });
                }}
              >
                {t('forumDay.compilation.staleKeepApart')}
              </button>
            </div>
          </div>
        );
      })}
      <SimilarIdeas
        suggestions={suggestions}
        onMerge={(s) => {
          focusAfter(s.target.key);
          merge(s.source.key, s.target.key);
        }}
        onDistinct={(s) => {
          focusAfter(s.target.key);
          const names = { target: ideaLabel(s.target.text), source: ideaLabel(s.source.text) };
          apply(
            { distinct: { [s.pair]: true } },
            {
              text: t('forumDay.compilation.similarDistinctDone', names),
              undoLabel: t('forumDay.compilation.similarUndo'),
              undo: { distinct: { [s.pair]: false } },
            },
          );
        }}
      />
      {compilation && items.length === 0 && <p>{t('forum.compilation.empty')}</p>}
      {items.length > 0 && <p className="hint">{t('forum.compilation.dragHint')}</p>}
      {placing ? (
        <>
          <ol className="compilation-list">
            {placing.placed.map(({ item, place }) => ideaRow(item, place))}
          </ol>
          {/* The ideas the vote gave no dot: no place (they were not all tied for the last). */}
          {placing.undotted.length > 0 && (
            <ul className="compilation-list compilation-undotted">
              {placing.undotted.map((item) => ideaRow(item, null, true))}
            </ul>
          )}
        </>
      ) : (
        <ol className="compilation-list">{items.map((item) => ideaRow(item))}</ol>
      )}
      {setAside.length > 0 && (
        <details className="compilation-set-aside">
          <summary>{t('forumDay.compilation.setAsideTitle', { count: setAside.length })}</summary>
          <p className="hint">{t('forumDay.compilation.setAsideHint')}</p>
          <ul>
            {setAside.map((item) => (
              <li key={item.key} data-key={item.key}>
                <span className="item-text">{item.text}</span>{' '}
                <span className="item-count">
                  {t('forum.compilation.count', { count: item.count })}
                </span>{' '}
                <button
                  type="button"
                  aria-label={t('forumDay.compilation.putBackLabel', {
                    text: ideaLabel(item.text),
                  })}
                  onClick={() => apply(setAsideChange(item, false))}
                >
                  {t('forumDay.compilation.putBack')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/**
 * « Fusionner avec… »'s choices: the ideas that look like this one first (C9), then every other
 * idea in the list's order.
 */
function MergeOptions({
  items,
  itemKey,
  likely,
}: {
  items: readonly CompilationItem[];
  itemKey: string;
  likely: readonly string[];
}) {
  const { t } = useTranslation();
  const option = (other: CompilationItem) => (
    <option key={other.key} value={other.key}>
      {ideaLabel(other.text)}
    </option>
  );
  const others = items.filter((other) => other.key !== itemKey);
  if (likely.length === 0) return <>{others.map(option)}</>;
  const first = new Set(likely);
  return (
    <>
      <optgroup label={t('forumDay.compilation.similarGroup')}>
        {likely.flatMap((key) => others.filter((other) => other.key === key)).map(option)}
      </optgroup>
      <optgroup label={t('forumDay.compilation.allIdeas')}>
        {others.filter((other) => !first.has(other.key)).map(option)}
      </optgroup>
    </>
  );
}
