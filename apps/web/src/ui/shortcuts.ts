// Labels with their keyboard shortcut, « Dupliquer (Ctrl+D) », except on a touch screen, where
// there is usually no keyboard and the keys only crowd the label. Labels and keys both come from
// the catalogues (`shortcuts.*`), so each language names its own keys (Maj, Shift).
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolId } from '../tools/types';
import { useSingleKeys } from './singleKeys';

export type ShortcutId = ToolId | 'undo' | 'redo' | 'duplicate' | 'zoomFit' | 'zoomSelection';

/** Only the catalogue lookup this needs, so tests can pass a plain i18next instance's `t`. */
export type Translate = (key: string, options?: Record<string, string>) => string;

const COARSE = '(pointer: coarse)';

function coarseQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia(COARSE) : null;
}

function subscribeCoarse(listener: () => void): () => void {
  const query = coarseQuery();
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/** True when the primary pointer is a finger (phones, most tablets): no shortcuts shown. */
export function useCoarsePointer(): boolean {
  return useSyncExternalStore(subscribeCoarse, () => coarseQuery()?.matches ?? false);
}

/** `labelKey`'s text, followed by the shortcut's keys unless `showKeys` is false. */
export function labelWithShortcut(
  t: Translate,
  labelKey: string,
  shortcut: ShortcutId,
  showKeys: boolean,
): string {
  const label = t(labelKey);
  if (!showKeys) return label;
  return t('shortcuts.withKeys', { label, keys: t(`shortcuts.${shortcut}`) });
}

/** Shortcuts that are one bare key (a tool's letter, Maj+1 types « ! »): off with single keys. */
export function isSingleKey(shortcut: ShortcutId): boolean {
  return !['undo', 'redo', 'duplicate'].includes(shortcut);
}

/** Whether a label shows `shortcut`'s keys: not on a touch screen, nor a key turned off. */
export function showsKeys(shortcut: ShortcutId, coarse: boolean, singleKeys: boolean): boolean {
  return !coarse && (singleKeys || !isSingleKey(shortcut));
}

/**
 * A labeller for this device: keys shown with a fine pointer, hidden on a touch screen, and
 * single-key shortcuts hidden once turned off (see singleKeys.ts).
 */
export function useShortcutLabel(): (labelKey: string, shortcut: ShortcutId) => string {
  const { t } = useTranslation();
  const coarse = useCoarsePointer();
  const singleKeys = useSingleKeys();
  return useCallback(
    (labelKey, shortcut) =>
      labelWithShortcut(
        (key, options) => (options ? t(key, options) : t(key)),
        labelKey,
        shortcut,
        showsKeys(shortcut, coarse, singleKeys),
      ),
    [t, coarse, singleKeys],
  );
}
