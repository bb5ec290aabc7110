// « Les incontournables »: every note of the chosen boards in one list (identical ideas merged by
// the server); the facilitator drags an item onto another to merge them (or uses « Fusionner
// avec… »), and downloads the list as Markdown or CSV.
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadCompilation,
  fetchCompilation,
  putCompilation,
  type Compilation,
  type ForumBoard,
} from './api';
import { IDLE_DRAG, dragReducer, mergeChange, splitChange, type MergeChange } from './mergeDrag';
import { BoardChoice } from './BoardChoice';
import { forumErrorText } from './errorText';

export function CompilationPanel({
  forumId,
  token,
  boards,
}: {
  forumId: string;
  token: string;
  boards: readonly ForumBoard[];
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(boards.filter((b) => b.kind !== 'plenary').map((b) => b.id)),
  );
  const [compilation, setCompilation] = useState<Compilation | null>(null);
  const [drag, dispatch] = useReducer(dragReducer, IDLE_DRAG);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(forumErrorText(e, t));

  const compile = () => {
    setError(null);
    const boardIds = [...chosen];
    putCompilation(forumId, token, { boardIds }).then(setCompilation, fail);
  };
  const apply = (change: MergeChange | null) => {
    if (!change) return;
    putCompilation(forumId, token, { merges: change }).then(setCompilation, fail);
  };
  // The list and its merges live on the server: show them again when the page is reopened or
  // reloaded, instead of an empty panel that looks as if the merging work was lost.
  useEffect(() => {
    let live = true;
    fetchCompilation(forumId, token).then(
      (stored) => {
        if (!live) return;
        setCompilation((current) => current ?? stored);
        setChosen(new Set(stored.boardIds));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [forumId, token]);
  const items = compilation?.items ?? [];

  return (
    <section className="forum-section compilation" id="forum-compilation">
      <h2>{t('forum.compilation.title')}</h2>
      <BoardChoice
        legend={t('forum.compilation.boards')}
        boards={boards}
        chosen={chosen}
        onChange={setChosen}
      />
      <div className="forum-row">
        <button type="button" onClick={compile} disabled={chosen.size === 0}>
          {t('forum.compilation.compile')}
        </button>
        <button
          type="button"
          disabled={!compilation}
          onClick={() => void downloadCompilation(forumId, token, 'md').catch(fail)}
        >
          {t('forum.compilation.markdown')}
        </button>
        <button
          type="button"
          disabled={!compilation}
          onClick={() => void downloadCompilation(forumId, token, 'csv').catch(fail)}
        >
          {t('forum.compilation.csv')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {compilation && items.length === 0 && <p>{t('forum.compilation.empty')}</p>}
      {items.length > 0 && <p className="hint">{t('forum.compilation.dragHint')}</p>}
      <ol className="compilation-list">
        {items.map((item) => (
          <li
            key={item.key}
            data-key={item.key}
            className={`compilation-item${drag.over === item.key ? ' drop-target' : ''}${drag.dragging === item.key ? ' dragging' : ''}`}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', item.key);
              e.dataTransfer.effectAllowed = 'move';
              dispatch({ type: 'start', key: item.key });
            }}
            onDragEnter={() => dispatch({ type: 'enter', key: item.key })}
            onDragLeave={() => dispatch({ type: 'leave', key: item.key })}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const source = e.dataTransfer.getData('text/plain') || drag.dragging;
              dispatch({ type: 'end' });
              if (source) apply(mergeChange(items, source, item.key));
            }}
            onDragEnd={() => dispatch({ type: 'end' })}
          >
            <span className="item-text">{item.text}</span>
            <span className="item-meta">
              <span className="item-count">
                {t('forum.compilation.count', { count: item.count })}
              </span>
              {item.territories.length > 0 && (
                <span className="item-territories">{item.territories.join(', ')}</span>
              )}
              {item.votes > 0 && (
                <span className="item-votes">
                  {t('forum.compilation.votes', { count: item.votes })}
                </span>
              )}
            </span>
            <select
              aria-label={t('forum.compilation.mergeWith')}
              value=""
              onChange={(e) => apply(mergeChange(items, item.key, e.target.value))}
            >
              <option value="">{t('forum.compilation.mergeWith')}</option>
              {items
                .filter((other) => other.key !== item.key)
                .map((other) => (
                  <option key={other.key} value={other.key}>
                    {other.text.slice(0, 60)}
                  </option>
                ))}
            </select>
            {compilation && splitChange(item, compilation.merges) && (
              <button type="button" onClick={() => apply(splitChange(item, compilation.merges))}>
                {t('forum.compilation.split')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
