// What `carton import` says when the forum it restored is not the whole of the day: the archive's
// export left out what an import does not take (a forum doc written past the routes' limits,
// fit-facilitation.ts), or this import cut an older archive's compilation (facilitation.ts).
// The JSON output carries the counts (`leftOut`); the plain output said nothing of them, and an
// administrator restoring the alliance's copy believed every vote and merge came back.
import type { FacilitationLeftOut } from '../archive/fit-facilitation.ts';
import type { CliLanguage } from './language.ts';

type Kind = keyof FacilitationLeftOut;

/** Singular and plural, per kind, in the manifest's order. */
const KINDS: Record<CliLanguage, Record<Kind, [string, string]>> = {
  fr: {
    votes: ['vote', 'votes'],
    notes: ['papillon dans les résultats des votes', 'papillons dans les résultats des votes'],
    dots: ['point de vote', 'points de vote'],
    merges: ['fusion d’idées', 'fusions d’idées'],
    setAside: ['idée écartée', 'idées écartées'],
    wordings: ['reformulation d’idée', 'reformulations d’idées'],
    distinct: ['paire d’idées dites différentes', 'paires d’idées dites différentes'],
  },
  en: {
    votes: ['vote', 'votes'],
    notes: ['note in the votes’ results', 'notes in the votes’ results'],
    dots: ['dot', 'dots'],
    merges: ['merge of ideas', 'merges of ideas'],
    setAside: ['idea set aside', 'ideas set aside'],
    wordings: ['idea reworded', 'ideas reworded'],
    distinct: ['pair of ideas marked different', 'pairs of ideas marked different'],
  },
};

const HEADING: Record<CliLanguage, string> = {
  fr: 'Pas tout repris\u00a0: le forum dépassait ce qu’un import accepte, et ceci a été laissé de côté\u00a0:',
  en: 'Not everything came back: the forum held more than an import takes, and this was left out:',
};

/** The lines to print after the new forum's links; none when nothing was left out. */
export function leftOutLines(
  leftOut: FacilitationLeftOut | undefined,
  language: CliLanguage,
): string[] {
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA';
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const kinds = KINDS[language];
  const lines = (Object.keys(kinds) as Kind[]).flatMap((kind) => {
    const n = leftOut?.[kind] ?? 0;
    if (n <= 0) return [];
    const [one, many] = kinds[kind];
    return [`  ${number.format(n)} ${plural.select(n) === 'one' ? one : many}`];
  });
  return lines.length > 0 ? [HEADING[language], ...lines] : [];
}
