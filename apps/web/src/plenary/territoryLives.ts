// What the plenary's mosaic and the projector's mosaic share: the forum's territory boards, each
// watched live (one LiveBoard, kept while the board stays in the forum), the cartons' shared
// aspect, and the size of the area the tiles are laid out in.
import { useEffect, useRef, useState } from 'react';
import type { RenderFonts } from '@carton/render';
import { fetchForumBoards, type ForumBoard } from '../forum/api';
import { isTerritoryBoard } from '../forum/boardKind';
import { loadRenderFonts } from './fonts';
import { LiveBoard } from './liveBoard';
import { sharedAspect } from './mosaicLayout';

/** The same territories, names and order: nothing for the mosaic to redo. */
function sameBoards(a: readonly ForumBoard[], b: readonly ForumBoard[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) => x.id === b[i]!.id && x.title === b[i]!.title && x.territory === b[i]!.territory,
    )
  );
}

export interface TerritoryLives {
  readonly boards: readonly ForumBoard[];
  readonly lives: ReadonlyMap<string, LiveBoard>;
  /** The forum's boards were asked for and answered (or failed): no territory is then none. */
  readonly listed: boolean;
}

/**
 * The forum's territory boards (« Autre tableau » is not one, boardKind.ts), asked again whenever
 * the window comes back to the front (a territory added, renamed or taken out on the forum page
 * meanwhile), never on a timer; and one LiveBoard each, over `token` (a plenary's link views
 * every board of the forum, P1). `forumId` null: nothing is asked or connected.
 */
export function useTerritoryLives(forumId: string | null, token: string): TerritoryLives {
  const [fonts, setFonts] = useState<RenderFonts | null>(null);
  const [boards, setBoards] = useState<ForumBoard[]>([]);
  const [listed, setListed] = useState(false);
  const [lives, setLives] = useState<Map<string, LiveBoard>>(new Map());

  useEffect(() => {
    if (forumId === null) return;
    let live = true;
    void loadRenderFonts().then((f) => live && setFonts(f));
    const load = () =>
      fetchForumBoards(forumId, token)
        .then(
          (answer) =>
            live &&
            setBoards((old) => {
              const next = answer.boards.filter(isTerritoryBoard);
              return sameBoards(old, next) ? old : next;
            }),
          () => undefined,
        )
        .finally(() => live && setListed(true));
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [forumId, token]);

  // A board added later connects alone, the others keep their socket and drawing.
  const held = useRef(new Map<string, LiveBoard>());
  useEffect(() => {
    if (!fonts) return;
    const map = held.current;
    const wanted = new Set(boards.map((b) => b.id));
    for (const [id, live] of map) {
      if (wanted.has(id)) continue;
      live.destroy();
      map.delete(id);
    }
    for (const b of boards) {
      if (!map.has(b.id)) map.set(b.id, new LiveBoard(b.id, token, fonts, b.title));
    }
    setLives(new Map(map));
  }, [boards, fonts, token]);
  useEffect(() => {
    const map = held.current;
    return () => {
      map.forEach((l) => l.destroy());
      map.clear();
    };
  }, []);
  return { boards, lives, listed: forumId === null || listed };
}

/**
 * The captions' smallest font size in CSS px: mosaic.css's max(1rem, 2.6vh, …) (its third term,
 * which grows with the tile, is below both for the narrowest tiles). The grid's size follows the
 * window, so a resize renders again and reads it anew.
 */
export function captionFloorPx(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.max(rem, 0.026 * window.innerHeight);
}

/** An element's inner size, followed as the window (or the projector) changes. */
export function useAreaSize(element: HTMLElement | null): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    if (!element) return;
    const measure = () =>
      setSize((old) => {
        const width = element.clientWidth;
        const height = element.clientHeight;
        return old && old.width === width && old.height === height ? old : { width, height };
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/** The cartons' shared aspect, followed as boards are drawn (an empty board has none yet). */
export function useSharedAspect(lives: ReadonlyMap<string, LiveBoard>): number {
  const [aspect, setAspect] = useState(16 / 10);
  useEffect(() => {
    const update = () => {
      const boxes = [...lives.values()].filter((l) => l.shapeCount() > 0).map((l) => l.getBox());
      const next = sharedAspect(boxes);
      setAspect((old) => (Math.abs(old - next) / old < 0.01 ? old : next));
    };
    update();
    const offs = [...lives.values()].map((l) => l.subscribe(update));
    return () => offs.forEach((off) => off());
  }, [lives]);
  return aspect;
}
