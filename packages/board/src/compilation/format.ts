import type { IncontournableItem } from './compile.ts';

// French takes the singular for 0 and 1 (« 0 vote », « 1 mention »); the file is French.
const PLURAL = new Intl.PluralRules('fr-CA');
const plural = (n: number, one: string, many: string) =>
  `${n} ${PLURAL.select(n) === 'one' ? one : many}`;
const quoted = (text: string) => `«\u00a0${text}\u00a0»`;

/**
 * C5: Markdown for people: a title, the votes whose dots are counted (named, so a reader knows
 * what « votes » means), then one line per item with how many times it came up, where from,
 * and its votes — per question when it had dots in more than one.
 */
export function toMarkdown(
  items: readonly IncontournableItem[],
  title = 'Les incontournables',
): string {
  const lines = [`# ${title}`, ''];
  const questions = [...new Set(items.flatMap((item) => item.votesBy.map((v) => v.title)))];
  if (questions.length > 0) {
    const label = questions.length === 1 ? 'Vote' : 'Votes';
    lines.push(
      `_${label}\u00a0: ${questions.map((q) => escapeMarkdown(quoted(q))).join(', ')}._`,
      '',
    );
  }
  for (const item of items) {
    const details = [plural(item.count, 'mention', 'mentions')];
    if (item.sources.length > 0) details.push(item.sources.join(', '));
    let votes = plural(item.votes, 'vote', 'votes');
    if (item.votesBy.length > 1)
      votes += ` (${item.votesBy.map((v) => `${v.votes} ${quoted(v.title)}`).join(', ')})`;
    details.push(votes);
    lines.push(`- **${escapeMarkdown(item.text)}** — ${details.map(escapeMarkdown).join(' · ')}`);
  }
  if (items.length === 0) lines.push('_Aucune note pour le moment._');
  return lines.join('\n') + '\n';
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** C5: CSV (RFC 4180, comma, CRLF): idee,mentions,territoires,sources,votes. */
export function toCsv(items: readonly IncontournableItem[]): string {
  const rows = [['idee', 'mentions', 'territoires', 'sources', 'votes']];
  for (const item of items) {
    rows.push([
      item.text,
      String(item.count),
      item.territories.join('; '),
      item.sources.join('; '),
      String(item.votes),
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
