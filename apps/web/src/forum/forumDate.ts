// A forum's day (`YYYY-MM-DD` as stored) the way the reader writes dates: « 19 octobre 2023 ».
// Read as a local calendar day: `new Date('2023-10-19')` is UTC midnight, the day before in Québec.
import { formatLocale } from '../i18n/language';

export function formatForumDate(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(year, month - 1, dayOfMonth);
  // « 2023-13-45 » would roll over into another day: not a date, keep it as written.
  if (day.getMonth() !== month - 1 || day.getDate() !== dayOfMonth) return date;
  try {
    return new Intl.DateTimeFormat(formatLocale(language), { dateStyle: 'long' }).format(day);
  } catch {
    return date;
  }
}
