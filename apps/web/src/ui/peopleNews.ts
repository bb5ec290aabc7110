// Who came and who went since the people list last changed, in words for a screen reader
// (« Pierre a rejoint le tableau. »): a sighted participant sees a new name and cursor appear.
// Only real comings and goings: when my own connection drops, the others vanish from my list
// (their presence is no longer heard), and they come back with it; neither is news.

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

/** What the list has told so far, and what to say now. */
export interface PeopleHeard<P extends Someone = Someone> {
  /** The people last heard of while my connection was up: the next news is told against them. */
  known: readonly P[];
  said: string;
}

/**
 * The news as my connection allows: while it is down (hors ligne, synchronisation en cours,
 * closed) nothing is said and the people known before stay known; once it is back, the list is
 * compared with them, so only those who really came or went while I was away are told.
 */
export function heardPeople<P extends Someone>(
  t: Translate,
  language: string,
  known: readonly P[],
  now: readonly P[],
  connected: boolean,
): PeopleHeard<P> {
  if (!connected) return { known, said: '' };
  return { known: now, said: peopleNews(t, language, known, now) };
}
