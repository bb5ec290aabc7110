import { ApiError } from '../board/api';
import { forumErrorText, type Translate } from './errorText';

/**
 * What a board says while the facilitator presents another board. With no name known the
 * sentence starts with the role, capitalised as a sentence's first word (« L’animation présente
 * un autre tableau. »): the role's word alone is lower case for use mid-sentence (« Vous suivez
 * l’animation »).
 */
export function spotlightElsewhereText(by: string | null | undefined, t: Translate): string {
  return by
    ? t('forum.spotlight.elsewhere', { name: by })
    : t('forum.spotlight.elsewhereUnnamed', {});
}

const CONTROL_OR_BIDI = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/**
 * The facilitator's name as « Tout le monde vers moi » sends it (`by`): the server takes a name
 * of plain visible text only (apps/server/SPEC.md R24, F3), and a name typed on this device
 * may hold a pasted tab or bidi mark. Cleaned rather than refused, so the spotlight always
 * starts; nothing visible left sends no name (the board then says « L’animation »).
 */
export function spotlightBy(name: string): string | undefined {
  const clean = name
    .replace(CONTROL_OR_BIDI, ' ')
    .replace(LONE_SURROGATE, '')
    .replace(/\s+/g, ' ')
    .trim();
  const short = Array.from(clean).slice(0, 80).join('').trim();
  return short.replace(INVISIBLE, '') === '' ? undefined : short;
}

/**
 * Why « Tout le monde vers moi » (`starting`) or « Arrêter la diffusion » was refused, for the
 * facilitator: the server's 400s name the field it refused (`by: …`, a name it does not take;
 * `boardId: …`, a board no longer in the forum), in English; the rest as any forum action's.
 */
export function spotlightErrorText(error: unknown, starting: boolean, t: Translate): string {
  const refused = error instanceof ApiError && error.status === 400 ? error.message : '';
  const reason = refused.startsWith('by:')
    ? t('forum.spotlight.nameRefused', {})
    : refused.startsWith('boardId:')
      ? t('forum.spotlight.boardRefused', {})
      : forumErrorText(error, t);
  return t(starting ? 'forum.spotlight.notStarted' : 'forum.spotlight.notStopped', { reason });
}
