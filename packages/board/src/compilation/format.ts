import type { IncontournableItem } from './compile.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * C5: Markdown for people: a title, then one line per item with how many times it came up,
 * where from, and its votes.
 */
export function toMarkdown(
  items: readonly IncontournableItem[],
  title = 'Les incontournables',
): string {
  const lines = [`# ${title}`, ''];
  for (const item of items) {
    const details = [plural(item.count, 'mention', 'mentions')];
    if (item.sources.length > 0) details.push(item.sources.join(', '));
    details.push(plural(item.votes, 'vote', 'votes'));
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
