// How the version list reads: newest first, a name (or « Version automatique »), its number
// (restore points say « Avant la restauration de la version N »), kind and a local date.
import type { BoardVersion, VersionKind } from './api';

export interface VersionRow {
  id: number;
  /** The version's own name, or null for an unnamed automatic version. */
  name: string | null;
  kind: VersionKind;
  /** « 26 nov. 2026, 21 h 05 » in fr-CA, "Nov 26, 2026, 9:05 PM" in en. */
  when: string;
}

export function formatVersionDate(createdAt: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(createdAt));
}

/** Newest first; versions made in the same millisecond keep their server order (by id). */
export function versionRows(
  versions: readonly BoardVersion[],
  locale: string,
  timeZone?: string,
): VersionRow[] {
  return [...versions]
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .map((v) => ({
      id: v.id,
      name: v.name && v.name.trim() !== '' ? v.name : null,
      kind: v.kind,
      when: formatVersionDate(v.createdAt, locale, timeZone),
    }));
}

/** A name for a new version: trimmed, 1–100 characters (the server's rule, R27), or null. */
export function cleanVersionName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) return null;
  // At most 100 UTF-16 units (as the server counts), never splitting a character.
  let out = '';
  for (const char of name) {
    if (out.length + char.length > 100) break;
    out += char;
  }
  return out;
}

// The server names the copy it keeps before a restore in French (« Avant la restauration de la
// version N », apps/server board-routes); an English page says that name in English.
const RESTORE_POINT = /^Avant la restauration de la version (\d+)$/u;

/** What a version is called on screen: its name, a restore point's in the page's language. */
export function versionTitle(
  name: string | null,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (name === null) return t('history.auto');
  const restorePoint = RESTORE_POINT.exec(name);
  return restorePoint ? t('versionNames.beforeRestore', { id: restorePoint[1] }) : name;
}

/**
 * The line under a version's title: its number, its kind and its date. An unnamed automatic
 * version's title already says « Version automatique », so its line does not say it again
 * (« n° 14 · 26 nov. 2026, 9 h 05 »); named versions and restore points keep their kind.
 */
export function versionDetails(
  row: VersionRow,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const kind =
    row.name === null ? [] : [t(row.kind === 'named' ? 'history.kindNamed' : 'history.kindAuto')];
  return [t('history.number', { id: row.id }), ...kind, row.when].join(' · ');
}
