import { keptItems, type IncontournableItem } from './compile.ts';

/** The language the files are written in: French (the forum's), or English for an English page. */
export type CompilationLanguage = 'fr-CA' | 'en';

interface Words {
  plural: Intl.PluralRules;
  title: string;
  vote: string;
  votes: string;
  colon: string;
  quoted: (text: string) => string;
  mention: [string, string];
  dot: [string, string];
  /** An idea the votes gave no dot once a vote has given some (no place, as the ranking). */
  noDot: string;
  none: string;
  csv: string[];
}

// The words of the compilation panel's list (« 5 fois », « 2 points »; "5 times", "2 dots"): the
// files said « 5 mentions / 2 votes » beside a screen saying « 5 fois / 2 points ». French takes
// the singular for 0 and 1 (« 0 point », « 1 fois »); English for 1 only.
const WORDS: Record<CompilationLanguage, Words> = {
  'fr-CA': {
    plural: new Intl.PluralRules('fr-CA'),
    title: 'Les incontournables',
    vote: 'Vote',
    votes: 'Votes',
    colon: '\u00a0:',
    quoted: (text) => `«\u00a0${text}\u00a0»`,
    mention: ['fois', 'fois'],
    dot: ['point', 'points'],
    noDot: 'sans point',
    none: 'Aucune note pour le moment.',
    csv: ['idee', 'fois', 'territoires', 'sources', 'points'],
  },
  en: {
    plural: new Intl.PluralRules('en-CA'),
    title: 'The must-haves',
    vote: 'Vote',
    votes: 'Votes',
    colon: ':',
    quoted: (text) => `“${text}”`,
    mention: ['time', 'times'],
    dot: ['dot', 'dots'],
    noDot: 'no dots',
    none: 'No notes yet.',
    csv: ['idea', 'times', 'territories', 'sources', 'dots'],
  },
};

/** The Markdown's title when the page gives none: « Les incontournables » / "The must-haves". */
export const compilationHeading = (language: CompilationLanguage = 'fr-CA') =>
  WORDS[language].title;

/**
 * Whether any vote gave dots to these items. Before one, every line's « 0 point » would read
 * as « nobody wanted this »: the Markdown and the CSV then leave the count out; once one
 * has, every line says its count, 0 included.
 */
const anyVotes = (items: readonly IncontournableItem[]) => items.some((item) => item.votes > 0);

/**
 * C5: Markdown for people: a title, the votes whose dots are counted (named, so a reader knows
 * what « votes » means), then one numbered line per item (listPlaces) with how many times it came
 * up, where from, and its votes once a vote has given dots — per question when it had dots in
 * more than one. Once ranked, the ideas the votes gave no dot take no place: they follow as a
 * list of their own, « sans point », as the vote's ranking leaves them out (numbered, they all
 * shared the last place, as if tied for it).
 * Items set aside (C7) are left out.
 */
export function toMarkdown(
  compiled: readonly IncontournableItem[],
  title?: string,
  language: CompilationLanguage = 'fr-CA',
): string {
  const items = keptItems(compiled);
  const words = WORDS[language];
  const plural = (n: number, [one, many]: [string, string]) =>
    `${n} ${words.plural.select(n) === 'one' ? one : many}`;
  const lines = [`# ${title ?? words.title}`, ''];
  const questions = [...new Set(items.flatMap((item) => item.votesBy.map((v) => v.title)))];
  if (questions.length > 0) {
    const label = questions.length === 1 ? words.vote : words.votes;
    lines.push(
      `_${label}${words.colon} ${questions.map((q) => escapeMarkdown(words.quoted(q))).join(', ')}._`,
      '',
    );
  }
  const voted = anyVotes(items);
  const places = listPlaces(items, voted);
  const line = (item: IncontournableItem) => {
    const details = [plural(item.count, words.mention)];
    if (item.sources.length > 0) details.push(item.sources.join(', '));
    if (voted && item.votes === 0) details.push(words.noDot);
    else if (voted) {
      let votes = plural(item.votes, words.dot);
      if (item.votesBy.length > 1)
        votes += ` (${item.votesBy.map((v) => `${v.votes} ${words.quoted(v.title)}`).join(', ')})`;
      details.push(votes);
    }
    return `**${escapeMarkdown(item.text)}** — ${details.map(escapeMarkdown).join(' · ')}`;
  };
  for (const [n, item] of items.entries()) {
    if (voted && item.votes === 0) continue;
    lines.push(`${places[n]}. ${line(item)}`);
  }
  const undotted = voted ? items.filter((item) => item.votes === 0) : [];
  // A list of its own (a blank line, then « - »): no number for a viewer to carry on.
  if (undotted.length > 0) lines.push('', ...undotted.map((item) => `- ${line(item)}`));
  if (items.length === 0) lines.push(`_${words.none}_`);
  return lines.join('\n') + '\n';
}

/**
 * C5: each line's number. The list's order (1, 2, 3…) until a vote has given dots; then, as the
 * ranking is by dots (C4), lines with as many dots share a place and the next takes its own
 * count (1, 2, 2, 4), as the projected « Résultats du vote » and « Les incontournables » number
 * them. (The Markdown gives lines without a dot no place: toMarkdown.)
 */
export function listPlaces(
  items: readonly Pick<IncontournableItem, 'votes'>[],
  voted = items.some((item) => item.votes > 0),
): number[] {
  let place = 0;
  return items.map((item, n) => {
    if (!voted || n === 0 || items[n - 1]!.votes !== item.votes) place = n + 1;
    return place;
  });
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * C5: CSV (RFC 4180, comma, CRLF): idee,fois,territoires,sources,points (English: idea,times,…);
 * no points column until a vote has given dots (the Markdown's rule); items set aside (C7) left
 * out.
 */
export function toCsv(
  compiled: readonly IncontournableItem[],
  language: CompilationLanguage = 'fr-CA',
): string {
  const items = keptItems(compiled);
  const voted = anyVotes(items);
  const header = WORDS[language].csv;
  const rows = [voted ? header : header.slice(0, -1)];
  for (const item of items) {
    const row = [
      item.text,
      String(item.count),
      item.territories.join('; '),
      item.sources.join('; '),
    ];
    if (voted) row.push(String(item.votes));
    rows.push(row);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
