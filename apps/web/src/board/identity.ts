// Who I am on this device: a random user id, a display name (asked once) and a colour.
// No account: everything lives in localStorage.
const NAME_KEY = 'carton.name';
const USER_KEY = 'carton.userId';

/** Colours for people, dark enough for white text and distinct from the note palette. */
export const PERSON_COLORS = [
  '#d1495b',
  '#2e86ab',
  '#3a7d44',
  '#8e44ad',
  '#e67e22',
  '#16a085',
  '#c0392b',
  '#2c3e50',
  '#b8860b',
  '#d35400',
  '#1f618d',
  '#7d3c98',
] as const;

export function colorForUser(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PERSON_COLORS[hash % PERSON_COLORS.length] ?? PERSON_COLORS[0];
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `user:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Identity {
  userId: string;
  name: string | null;
  color: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the name is asked again next time.
  }
}

export function loadIdentity(): Identity {
  let userId = read(USER_KEY);
  if (!userId) {
    userId = randomId();
    write(USER_KEY, userId);
  }
  const name = read(NAME_KEY)?.trim() || null;
  return { userId, name, color: colorForUser(userId) };
}

/** Who wants to hear of a new name given on this page (the board page, to show it to others). */
const nameListeners = new Set<(name: string) => void>();

/** Remembers the name on this device (asked no more) and tells the page's listeners. */
export function rememberName(name: string): void {
  const trimmed = name.trim();
  write(NAME_KEY, trimmed);
  for (const listener of nameListeners) listener(trimmed);
}

/** Calls `listener` with each name given from now on (« Changer de nom »); returns the stop. */
export function onNameGiven(listener: (name: string) => void): () => void {
  nameListeners.add(listener);
  return () => {
    nameListeners.delete(listener);
  };
}
