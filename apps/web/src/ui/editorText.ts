// The text the in-place editor shows, and the text it stores. The canvas breaks a note's or a
// heading's lines with French punctuation kept attached (keepPunctuationAttached: the space
// before « : ; ! ? » and inside « guillemets » cannot break). A textarea wraps by itself, so it
// is given the same text with those spaces as no-break spaces: its line breaks fall where the
// canvas's do, and nothing jumps when editing ends. The swap is one character for one, so the
// caret and the selection keep their places; the board stores the text as it was written (plain
// spaces), as before.
import { keepPunctuationAttached } from '../i18n/typography';

/** What the textarea shows for a note's or a heading's stored text. */
export const shownText = (stored: string): string => keepPunctuationAttached(stored);

/** Whether text[i] is a no-break space that keepPunctuationAttached puts there. */
function isAttachingSpace(text: string, i: number): boolean {
  const next = text[i + 1] ?? '';
  if (text[i] === '\u202F') return next !== '' && ';!?'.includes(next);
  if (text[i] === '\u00A0') return (next !== '' && ':»'.includes(next)) || text[i - 1] === '«';
  return false;
}

/**
 * The stored text after the person changed the textarea from `before` (what it showed, the
 * shownText of `stored`) to `after`. An edit changes one stretch (typing, deleting, pasting,
 * undoing, an accent composed with a dead key): what lies before and after it keeps its stored
 * characters (a no-break space someone wrote stays one), and in the stretch the spaces the
 * editor showed as no-break spaces are stored as the plain spaces they were typed as.
 */
export function storedAfterEdit(stored: string, before: string, after: string): string {
  // The stored text moved under the editor (another participant wrote meanwhile): the
  // textarea's text is all there is to go by.
  if (stored.length !== before.length) return asTyped(after, 0, after.length);
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before[start] === after[start]) start++;
  let end = 0;
  while (end < most - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return (
    stored.slice(0, start) +
    asTyped(after, start, after.length - end) +
    stored.slice(stored.length - end)
  );
}

/** text[from, to) with the no-break spaces shownText puts there turned back into plain spaces. */
function asTyped(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += isAttachingSpace(text, i) ? ' ' : text[i];
  return out;
}

/** A replacement of the textarea's [start, end) by `text`, the caret then at `caret`. */
export interface Insertion {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly caret: number;
}

/**
 * What typing or pasting `data` over [start, end) of the textarea's `value` should insert so the
 * punctuation is attached at once (« : » typed after a space turns that space into a no-break
 * one): `null` when nothing is to attach and the browser may type it as it is. One insertion,
 * so it is one step of the textarea's own undo, and undoing it gives back the plain space.
 */
export function attachedInsertion(
  value: string,
  start: number,
  end: number,
  data: string,
): Insertion | null {
  const next = value.slice(0, start) + data + value.slice(end);
  const shown = shownText(next);
  if (shown === next) return null;
  let from = start;
  let to = start + data.length;
  for (let i = 0; i < next.length; i++) {
    if (shown[i] === next[i]) continue;
    from = Math.min(from, i);
    to = Math.max(to, i + 1);
  }
  const grown = data.length - (end - start);
  return { start: from, end: to - grown, text: shown.slice(from, to), caret: start + data.length };
}
