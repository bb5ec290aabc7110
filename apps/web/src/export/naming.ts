// File names of exports: the board's title as a slug (no accents, lowercase, dashes) and the
// forum's day (else the local date of the export), e.g.
// `conditions-de-succes-temiscouata-2023-10-19.json`. Names survive every file
// system and e-mail client, and sort by board then by day. The slug and the day follow the same
// rule as the server's files (@carton/board `slugify`, `localDay`).
import { localDay, slugify } from '@carton/board';

/**
 * The day in an export's name: the forum's (`YYYY-MM-DD` as stored), since a board exported the
 * week after the forum is still that forum's board; else (no day, or not a real one) `now`'s.
 */
export function exportDay(now: Date, forumDate: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(forumDate ?? '');
  if (!match) return localDay(now);
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(year, month - 1, dayOfMonth);
  // « 2023-13-45 » would roll over into another day: not a day.
  return day.getMonth() === month - 1 && day.getDate() === dayOfMonth ? forumDate! : localDay(now);
}

export type ExportExtension = 'json' | 'png' | 'svg' | 'pdf';

/**
 * `<slug of the title>-<day>.<ext>` (`date`: a Date, or a day from `exportDay`); a carton's title is appended when one carton is exported,
 * unless the board's title already ends with it (« Conditions de succès — Témiscouata » and its
 * carton « Témiscouata » gave `…-temiscouata-temiscouata-…`).
 */
export function exportFileName(
  boardTitle: string,
  date: Date | string,
  extension: ExportExtension,
  cartonTitle?: string,
): string {
  const board = slugify(boardTitle, 'tableau');
  const parts = [board];
  const carton = cartonTitle === undefined ? null : slugify(cartonTitle, 'carton');
  if (carton !== null && board !== carton && !board.endsWith(`-${carton}`)) parts.push(carton);
  const day = typeof date === 'string' ? date : localDay(date);
  return `${parts.join('-')}-${day}.${extension}`;
}

/**
 * A carton poster's document title: « <carton> — <board> », or the board's title alone when it
 * already ends with the carton's (« Conditions de succès — Témiscouata » twice otherwise).
 */
export function posterTitle(cartonTitle: string, boardTitle: string): string {
  const carton = cartonTitle.trim();
  if (carton === '' || boardTitle === carton || boardTitle.endsWith(` ${carton}`)) {
    return boardTitle;
  }
  return `${carton} — ${boardTitle}`;
}
