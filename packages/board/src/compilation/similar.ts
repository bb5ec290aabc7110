// C9: ideas that very likely say the same thing, offered to the facilitator as merges. C1's key
// stays as it is (merges, ideas set aside, words and dots are stored by it); this only reads
// ideas more loosely to *suggest*: « La participation citoyenne » / « Participation citoyenne »,
// « Du plaisir » / « Plaisir », « Accompagnement » / « Accompagnement des personnes ».
import { ideaKey } from './compile.ts';

/**
 * Words that carry no idea of their own: articles and partitives (le, la, les, l', un, une, des,
 * du, de la, de l', d'), common prepositions and conjunctions, the endings of inclusive writing
 * left alone by C1 (« citoyen·nes » → citoyen nes), « avoir » and a few verbs of possibility (« peuvent
 * prendre du temps » / « prennent du temps »). Negations and quantities (pas, moins, plus) stay:
 * they change the idea.
 */
const STOP_WORDS = new Set(
  (
    'l d j m n s t c qu le la les un une des du de au aux a et ou en dans pour par sur sous avec ' +
    'que qui ce ca cette ces son sa ses leur leurs nos notre vos votre mon ma mes se y ' +
    'e es nes ne ' +
    'avoir peut peuvent pouvoir puisse puissent doit doivent faut ' +
    'the of and to for a an in on'
  ).split(' '),
);

/** Endings a light stemmer takes off (longest first), so a noun meets its verb and its plural. */
const ENDINGS = [
  'ations',
  'ation',
  'ements',
  'ement',
  'antes',
  'ante',
  'ants',
  'ant',
  'ees',
  'ee',
  'ent',
  'er',
  'es',
  'e',
  's',
  'x',
];

/** One word's stem: plural and common noun/verb endings taken off, a doubled end made single. */
export function wordStem(word: string): string {
  let stem = word;
  for (const ending of ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= 4) {
      stem = stem.slice(0, -ending.length);
      break;
    }
  }
  // citoyenn(e) / citoyen, personn(e) / person
  if (stem.length >= 5 && stem.at(-1) === stem.at(-2)) stem = stem.slice(0, -1);
  return stem;
}

/** C9: an idea's meaningful words, stemmed, in order (C1's key read beyond C1). */
export function ideaStems(text: string): string[] {
  return ideaKey(text)
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map(wordStem);
}

/** Optimal string alignment distance, stopping past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(before[j]! + 1, row[j - 1]! + 1, before[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = before;
    before = row;
  }
  return before[b.length]!;
}

/** Two stems are one word: equal, or one typo apart in a long enough word (« particpation »). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6) return false;
  return editDistance(a, b, 1) <= 1;
}

/** How many of `small`'s words are in `large` (each word of `large` used once). */
function shared(small: readonly string[], large: readonly string[]): number {
  const left = [...large];
  let count = 0;
  for (const word of small) {
    const at = left.findIndex((other) => sameWord(word, other));
    if (at >= 0) {
      left.splice(at, 1);
      count++;
    }
  }
  return count;
}

/** Why two ideas look alike, strongest first. */
export type Likeness = 'same' | 'contained' | 'overlap';

/**
 * C9: whether two ideas very likely say the same thing, and how.
 * - `same`: the same words once articles, plurals, accents and typos are set aside
 *   (« La participation citoyenne » / « Participation citoyenne », « Du plaisir » / « Plaisir »);
 * - `contained`: both begin with the same word and one's words begin the other's (« Accompagnement » / « Accompagnement des
 *   personnes citoyennes », « Processus légers » / « Processus légers et clairs »), or make at
 *   least two thirds of them (« Accepter que ça prenne du temps » / « Accepter que les choses
 *   prennent du temps »);
 * - `overlap`: two words or more in common and a Jaccard index of 0.6 or more.
 * « Conditions présentes » and « Conditions souhaitées » share one word of three: not alike;
 * « Plaisir » is not « Budget pour des activités informelles dans le plaisir ».
 */
export function ideaLikeness(a: string, b: string): Likeness | null {
  return stemsLikeness(ideaStems(a), ideaStems(b));
}

function stemsLikeness(one: readonly string[], two: readonly string[]): Likeness | null {
  if (one.length === 0 || two.length === 0) return null;
  const [small, large] = one.length <= two.length ? [one, two] : [two, one];
  const common = shared(small, large);
  if (common === small.length) {
    if (small.length === large.length) return 'same';
    // French puts the idea's head first: « Participation citoyenne » is not « Accompagnement à
    // la participation citoyenne », though all its words are there.
    if (!sameWord(small[0]!, large[0]!)) return null;
    const begins = small.every((word, i) => sameWord(word, large[i]!));
    if (begins || small.length * 3 >= large.length * 2) return 'contained';
    return null;
  }
  const union = small.length + large.length - common;
  if (common >= 2 && common / union >= 0.6) return 'overlap';
  return null;
}

/** A suggested merge: two ideas by their C1 keys (the list's order: `first` before `second`). */
export interface SimilarIdeas {
  readonly first: string;
  readonly second: string;
  readonly likeness: Likeness;
}

/** C9: the key of a pair of ideas, the same whichever way round (keys hold no `|`, C1). */
export const ideaPairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const STRENGTH: Record<Likeness, number> = { same: 0, contained: 1, overlap: 2 };

/** The strongest likeness between any reading of one idea and any of the other. */
function strongest(one: readonly string[][], two: readonly string[][]): Likeness | null {
  let best: Likeness | null = null;
  for (const a of one) {
    for (const b of two) {
      const likeness = stemsLikeness(a, b);
      if (likeness && (!best || STRENGTH[likeness] < STRENGTH[best])) best = likeness;
      if (best === 'same') return best;
    }
  }
  return best;
}

/**
 * C9: how many ideas, from the top of the list (C4), are compared two by two. Every pair is
 * compared at each change of the facilitator's page: 113 ideas are 6,328 pairs, but one writer's
 * board of 3,000 distinct notes made ~4.5 million, the page frozen ~55 s at each merge (measured
 * here, two readings an idea). 400 ideas are ~80,000 pairs; the ideas below them (written once, no dots) are not
 * suggested.
 */
export const MAX_SIMILAR_IDEAS = 400;

/**
 * C9: every pair of ideas that look alike, strongest first, then in the list's order; pairs the
 * facilitator said are different (`distinct`, pair keys) are left out. Only the first
 * MAX_SIMILAR_IDEAS ideas are read.
 */
export function similarIdeas(
  items: readonly {
    readonly key: string;
    readonly text: string;
    readonly mergedKeys?: readonly string[];
  }[],
  distinct: ReadonlySet<string> = new Set(),
): SimilarIdeas[] {
  items = items.slice(0, MAX_SIMILAR_IDEAS);
  const found: (SimilarIdeas & { order: number })[] = [];
  // Each idea read once: a forum day's 113 ideas are 6,328 pairs, compared at each change. An
  // idea is also read by its own key (its notes' words under the facilitator's, C8) and by the
  // ideas merged into it: « Accepter que les choses prennent du temps », merged into « Accepter
  // que ça prenne du temps », still finds « … peuvent prendre du temps ».
  const stems = items.map((item) => {
    const variants = new Map<string, string[]>();
    for (const words of [item.text, item.key, ...(item.mergedKeys ?? [])]) {
      const read = ideaStems(words);
      if (read.length > 0) variants.set(read.join(' '), read);
    }
    return [...variants.values()];
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const first = items[i]!;
      const second = items[j]!;
      if (distinct.has(ideaPairKey(first.key, second.key))) continue;
      const likeness = strongest(stems[i]!, stems[j]!);
      if (likeness) found.push({ first: first.key, second: second.key, likeness, order: i });
    }
  }
  return found
    .sort((x, y) => STRENGTH[x.likeness] - STRENGTH[y.likeness] || x.order - y.order)
    .map(({ first, second, likeness }) => ({ first, second, likeness }));
}
