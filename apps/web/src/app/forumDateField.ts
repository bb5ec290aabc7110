// The home form's forum date: the native date field writes its day the browser's way (11/27/2026
// in an English Chromium, whatever the page's language), so the day is also shown in words in
// the page's language, as the forum page writes it (formatForumDate). The value sent stays ISO.
import { formatForumDate } from '../forum/forumDate';

/** The field's day in words in `language` (« 27 novembre 2026 »); '' while the field is empty. */
export function forumDateInWords(value: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const words = formatForumDate(value, language);
  // formatForumDate hands back what it cannot read (« 2023-02-30 »): no words for it.
  return words === value ? '' : words;
}
