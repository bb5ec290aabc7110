import type { Translate } from './errorText';

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
