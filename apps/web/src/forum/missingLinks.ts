// « Créer les liens manquants »: the links the facilitator page cannot show (L1 `null`: sealed
// under a facilitator link since replaced, L4, or stored before links were sealed), replaced
// one by one with the rotate route (L2), and what came of it in plain words.
import { ApiError } from '../board/api';
import type { FacilitatorBoard, Link } from './api';
import type { Translate } from './errorText';

export type LinkRole = 'edit' | 'view';

/** One link to create: its board and role. */
export interface MissingLink {
  boardId: string;
  role: LinkRole;
}

export const linkKey = (boardId: string, role: LinkRole): string => `${boardId}/${role}`;

/**
 * The links the page shows no QR code for, in the page's order (board by board, participation
 * then view). `created` holds links this page made since the server's answer: they count as
 * shown even if the forum page's own state has not caught up yet.
 */
export function missingLinks(
  boards: readonly FacilitatorBoard[],
  created: ReadonlyMap<string, Link> = new Map(),
): MissingLink[] {
  const missing: MissingLink[] = [];
  for (const board of boards) {
    for (const role of ['edit', 'view'] as const) {
      if (!board[role] && !created.has(linkKey(board.id, role)))
        missing.push({ boardId: board.id, role });
    }
  }
  return missing;
}

/**
 * Failures after which the next links would fail the same way, so asking again only adds
 * load: the facilitator link refused (replaced meanwhile), the server's rate limit (R32), or
 * no server at all.
 */
export function stopsTheRun(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 401 || error.status === 403 || error.status === 429;
}

/** R56: the board was taken out of the forum meanwhile (another tab): nothing to create. */
export const isBoardGone = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 404 && error.code === 'board_not_found';

export interface MissingLinksOutcome {
  created: number;
  /** Links not created: refused one by one, or left when the run stopped. */
  failed: number;
  /** Links of boards removed meanwhile: neither created nor to try again. */
  gone: number;
  /** The error that stopped the run early (its sentence is said after the counts). */
  stoppedBy: unknown;
}

/**
 * Replaces `links` one after the other (one request at a time: a forum has at most 128, and
 * the server is the venue's laptop). `onCreated` is called as each link arrives, `onGone` for a
 * link whose board was removed meanwhile, `onProgress` with how many were tried. A link refused
 * on its own (its board removed, the database busy) does not stop the others.
 */
export async function createMissingLinks(
  links: readonly MissingLink[],
  steps: {
    rotate: (link: MissingLink) => Promise<Link>;
    onCreated: (link: MissingLink, created: Link) => void;
    onGone?: (link: MissingLink) => void;
    onProgress?: (done: number) => void;
  },
): Promise<MissingLinksOutcome> {
  let created = 0;
  let gone = 0;
  let done = 0;
  const outcome = (stoppedBy: unknown): MissingLinksOutcome => ({
    created,
    failed: links.length - created - gone,
    gone,
    stoppedBy,
  });
  for (const link of links) {
    try {
      steps.onCreated(link, await steps.rotate(link));
      created += 1;
    } catch (error) {
      if (isBoardGone(error)) {
        gone += 1;
        steps.onGone?.(link);
      } else if (stopsTheRun(error)) return outcome(error);
    }
    done += 1;
    steps.onProgress?.(done);
  }
  return outcome(null);
}

/** « 14 liens créés ; 2 n’ont pas pu l’être : réessayez. » and the like. */
export function outcomeText(outcome: MissingLinksOutcome, t: Translate): string {
  const { created, failed } = outcome;
  if (failed === 0) return t('missingLinks.allCreated', { count: created });
  if (created === 0) return t('missingLinks.noneCreated', { count: failed });
  return t('missingLinks.partial', {
    created: t('missingLinks.created', { count: created }),
    failed: t('missingLinks.failed', { count: failed }),
  });
}
