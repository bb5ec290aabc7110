// The home form's forum date. A native date field writes its day the browser's way (11/28/2026
// in an English Chromium, whatever the page's language, and `lang` on it changes nothing), so the
// field is plain text in the page's format: the year, the month, then the day (2026-11-28, the
// way Québec writes a date in figures, and the value the server takes). A French page also reads
// a day written first (28/11/2026), as French always writes it. The day is shown in words beside
// it in the page's language, as the forum page writes it (formatForumDate).
import { formatForumDate } from '../forum/forumDate';

/** The field's day in words in `language` (« 27 novembre 2026 »); '' while the field is empty. */
export function forumDateInWords(value: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const words = formatForumDate(value, language);
  // formatForumDate hands back what it cannot read (« 2023-02-30 »): no words for it.
  return words === value ? '' : words;
}

const YEAR_FIRST = /^(\d{4})[-/. ]+(\d{1,2})[-/. ]+(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})$/;

/**
 * The day typed in the field as the server takes it (`YYYY-MM-DD`); '' for an empty field (a
 * forum without a date), null for what is not a day (« 2026-02-30 », « demain »).
 */
export function readForumDate(text: string, language: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const yearFirst = YEAR_FIRST.exec(typed);
  // In English a day first is not told from a month first (11/12/2026): the year first only.
  const dayFirst = language.startsWith('fr') ? DAY_FIRST.exec(typed) : null;
  const [year, month, day] = yearFirst
    ? [yearFirst[1]!, yearFirst[2]!, yearFirst[3]!]
    : dayFirst
      ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!]
      : [];
  if (year === undefined) return null;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return forumDateInWords(iso, language) === '' ? null : iso;
}
