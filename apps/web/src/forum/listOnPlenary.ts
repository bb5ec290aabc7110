// « Mettre la liste sur la plénière » (server C10): the call, and what the facilitator reads after
// it — what changed on the plenary, which notes were kept as they were and why, or why nothing
// was placed.
import { ApiError, apiRequest } from '../board/api';
import type { CompilationItem } from './api';
import { forumErrorText, type Translate } from './errorText';

export interface KeptListNote {
  readonly shapeId: string;
  readonly text: string;
  /** `dots`: a vote gave it dots; `edited`: someone changed its words on the plenary. */
  readonly reason: 'dots' | 'edited';
}

export interface ListOnPlenary {
  readonly boardId: string;
  readonly areaId: string;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly kept: readonly KeptListNote[];
  /**
   * When a placing last changed the list on the plenary (server time): this one's, or the one
   * before's when this one changed nothing. Absent from older servers.
   */
  readonly placedAt?: number;
}

export function placeListOnPlenary(
  forumId: string,
  token: string,
  language: string,
): Promise<ListOnPlenary> {
  return apiRequest(
    `/api/forums/${encodeURIComponent(forumId)}/compilation/plenary`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lang: language.startsWith('en') ? 'en' : 'fr-CA' }),
    },
    token,
  );
}

const KEY = 'forumDay.listOnPlenary';

/**
 * What a placing puts on the plenary from the list shown: each idea's key and words, in no
 * order (a vote reorders the list without changing what is on the plenary). Two lists with the
 * same words here are placed alike; a merge, an idea set aside or reworded changes them, and a
 * placing's answer (« gardé tel quel… ») no longer describes what the list would put there.
 */
export function placedWords(items: readonly Pick<CompilationItem, 'key' | 'text'>[]): string {
  return items
    .map((item) => `${item.key}\u0001${item.text}`)
    .sort()
    .join('\u0002');
}

/** « La liste est sur la plénière : 3 idées ajoutées, 1 formulation mise à jour. » */
export function placedText(result: ListOnPlenary, t: Translate): string {
  const parts = (
    [
      ['added', result.added],
      ['updated', result.updated],
      ['removed', result.removed],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([what, count]) => t(`${KEY}.${what}`, { count }));
  if (parts.length === 0) return t(`${KEY}.upToDate`, {});
  return t(`${KEY}.done`, { changes: parts.join(t(`${KEY}.separator`, {})) });
}

/** One sentence per reason: the notes left as they were, by their words. */
export function keptTexts(result: ListOnPlenary, t: Translate): string[] {
  return (['dots', 'edited'] as const).flatMap((reason) => {
    const notes = result.kept.filter((note) => note.reason === reason);
    if (notes.length === 0) return [];
    const words = notes
      .map((note) => t(`${KEY}.quoted`, { text: shortWords(note.text) }))
      .join(t(`${KEY}.separator`, {}));
    return [t(`${KEY}.kept_${reason}`, { count: notes.length, notes: words })];
  });
}

const shortWords = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

/** Why the list was not placed, in plain words; nothing was written on the plenary. */
export function placeErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 409) {
    const known: Record<string, string> = {
      no_plenary: 'noPlenary',
      list_empty: 'listEmpty',
      board_full: 'full',
      too_many_shapes: 'tooManyShapes',
      board_read_only: 'readOnly',
    };
    const key = known[error.code];
    if (key) return t(`${KEY}.errors.${key}`, {});
  }
  if (error instanceof ApiError && error.code === 'storage_unavailable') {
    return t(`${KEY}.errors.notStored`, {});
  }
  return forumErrorText(error, t);
}
