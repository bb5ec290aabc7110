// Single-key shortcuts (tool letters, [ ], Maj+1…) can be turned off (WCAG 2.1.4): a person
// dictating near the board with speech input would otherwise switch tools with every « n » or
// « p » heard. The choice is this device's, kept in localStorage; modifier shortcuts (Ctrl+Z)
// stay whatever it says.
import { useSyncExternalStore } from 'react';

export const SINGLE_KEYS_STORAGE = 'carton.singleKeys';

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: the default (on) applies
  }
}

/** Whether bare keys act as shortcuts on this device (on unless turned off). */
export function singleKeysOn(): boolean {
  return storage()?.getItem(SINGLE_KEYS_STORAGE) !== 'off';
}

export function setSingleKeys(on: boolean): void {
  const store = storage();
  if (on) store?.removeItem(SINGLE_KEYS_STORAGE);
  else store?.setItem(SINGLE_KEYS_STORAGE, 'off');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSingleKeys(): boolean {
  return useSyncExternalStore(subscribe, singleKeysOn, () => true);
}
