// What a vote's results carry of a note's words (V1): as much as any reader shows. The projector
// and the forum page show an idea in a line or three; a note holds up to 10,000 characters, and
// a closed vote's results over 1,200 such notes were 36 MB, fetched again by every
// projector and forum page at each merge. The words in full stay in « Les incontournables » and
// its Markdown and CSV, which the compilation gives, not the vote.
import { createHash } from 'node:crypto';

/** Most UTF-16 code units of a text in a vote's results, the ellipsis included. */
export const SHOWN_TEXT_MAX = 300;

/** Most UTF-16 code units of an idea's key in a vote's results: only told apart, never shown. */
export const SHOWN_KEY_MAX = 120;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` if it is at most `max` long; else its first graphemes (never a surrogate pair or an
 * accent split from its letter), trailing spaces dropped, and « … », `max` long at most.
 */
export function shownText(text: string, max = SHOWN_TEXT_MAX): string {
  if (text.length <= max) return text;
  const words = text.trim();
  if (words.length <= max) return words;
  let end = 0;
  // The segments are computed as they are read: a 10,000-character note costs its first `max`.
  for (const { index, segment } of graphemes.segment(words)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${words.slice(0, end).trimEnd()}…`;
}

/**
 * An idea's key (C1, its normalized words) as the results carry it: as is when it is short, else
 * its shown start and a digest of the whole, so two long ideas starting alike keep two keys.
 */
export function shownKey(key: string, max = SHOWN_KEY_MAX): string {
  if (key.length <= max) return key;
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${shownText(key, max - digest.length - 1)}#${digest}`;
}
