// What each outline item says to a screen reader: « Papillon : Transport collectif abordable,
// dans Carton Kamouraska », with « verrouillé » for a template's locked heading.
import type { OutlineCount, OutlineEntry } from './outline';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** react-i18next's `t` as the plain Translate these take. */
export function plainTranslate(
  t: (key: string, values: Record<string, unknown>) => string,
): Translate {
  return (key, values) => t(key, values ?? {});
}

/** An accessible name stays short enough to hear: a long note is cut after this many characters. */
const LABEL_CHARS = 200;

/** The words an entry shows: its text on one line, or « vide » / « sans titre ». */
export function entryWords(t: Translate, entry: OutlineEntry): string {
  const flat = entry.text.replace(/\s+/gu, ' ').trim();
  if (flat) return flat;
  return t(entry.kind === 'carton' ? 'outline.untitled' : 'outline.blank');
}

export function entryLabel(t: Translate, entry: OutlineEntry): string {
  const words = entryWords(t, entry);
  const text = words.length > LABEL_CHARS ? `${words.slice(0, LABEL_CHARS - 1)}…` : words;
  const kind = t(entry.kind === 'carton' ? 'a11y.kind.carton' : `outline.kind.${entry.kind}`);
  const label =
    entry.cartonTitle === null
      ? t('outline.item', { kind, text })
      : t('outline.itemIn', { kind, text, carton: entry.cartonTitle || t('outline.untitled') });
  return entry.locked ? t('outline.locked', { label }) : label;
}

/** « 2 dessins, 1 photo »: what a group holds that has no words. */
export function countsLabel(t: Translate, counts: readonly OutlineCount[]): string {
  return counts.map((c) => t(`outline.count.${c.kind}`, { count: c.count })).join(', ');
}
