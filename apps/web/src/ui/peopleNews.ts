// Who came and who went since the people list last changed, in words for a screen reader
// (« Pierre a rejoint le tableau. »): a sighted participant sees a new name and cursor appear.

export interface Someone {
  clientId: number;
  user: { name: string };
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

function names(people: readonly Someone[], language: string): string {
  const list = people.map((p) => p.user.name);
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(list);
}

/** The news between two lists of people (by connection), or '' when nobody came or went. */
export function peopleNews(
  t: Translate,
  language: string,
  before: readonly Someone[],
  now: readonly Someone[],
): string {
  const had = new Set(before.map((p) => p.clientId));
  const has = new Set(now.map((p) => p.clientId));
  const joined = now.filter((p) => !had.has(p.clientId));
  const left = before.filter((p) => !has.has(p.clientId));
  const said: string[] = [];
  if (joined.length === 1) said.push(t('people.joinedOne', { name: joined[0]!.user.name }));
  else if (joined.length > 1) said.push(t('people.joinedMany', { names: names(joined, language) }));
  if (left.length === 1) said.push(t('people.leftOne', { name: left[0]!.user.name }));
  else if (left.length > 1) said.push(t('people.leftMany', { names: names(left, language) }));
  return said.join(' ');
}
