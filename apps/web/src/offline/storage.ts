// localStorage when the browser lets us use it (private modes and some embedded views do not).
import type { KeyValueStore } from './pending';

export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    return store ?? null;
  } catch {
    return null;
  }
}
