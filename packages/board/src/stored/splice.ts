/** One change that turns a text into another: at `index`, `remove` characters out, `insert` in. */
export interface TextSplice {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * The smallest single change from `before` to `after`: what lies between their longest common
 * start and their longest common end (the end never overlapping the start). Code units, as
 * Y.Text and a textarea's caret count them; a surrogate pair split at the edge of the change is
 * widened so that no half of an emoji is written alone.
 */
export function textSplice(before: string, after: string): TextSplice {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before[start] === after[start]) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < shortest - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    index: start,
    remove: before.length - end - start,
    insert: after.slice(start, after.length - end),
  };
}

/**
 * The first `max` characters of `text`, counted as the shapes' schemas count a text's length
 * (code points: an emoji is one), so never half an emoji.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  for (let kept = 0; kept < max && units < text.length; kept++) {
    const pair =
      isHighSurrogate(text.charCodeAt(units)) && isLowSurrogate(text.charCodeAt(units + 1));
    units += pair ? 2 : 1;
  }
  return text.slice(0, units);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
