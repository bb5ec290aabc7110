// The board's title in the header. Every territory board of a forum starts alike (« Conditions de
// succès — Kamouraska », « Conditions de succès — La Mitis »…): cut at its end, a phone read
// « Conditions de succès… » at 320 px, « Conditions de succès — Kamou… » at 390, the same on
// every board. There the territory is kept whole and the shared words before it give way
// (« Conditions d… — Kamouraska »); the whole title is still the heading's text.

/** The title's shared beginning and its own end (the separator and the territory). */
export interface TitleParts {
  head: string;
  tail: string;
}

/**
 * The title cut before its territory: the board's territory where the title ends with it, else
 * (a territory board renamed since the page opened) after its last dash. Null where nothing
 * comes before it, or for a board of no territory (the plenary, the postcards).
 */
export function titleParts(
  title: string,
  board: { kind: string; territory: string | null },
): TitleParts | null {
  const territory = board.territory?.trim();
  let cut = -1;
  if (territory && title.endsWith(territory)) cut = title.length - territory.length;
  else if (board.kind === 'territory') {
    const dash = Math.max(title.lastIndexOf(' — '), title.lastIndexOf(' – '));
    if (dash > 0) cut = dash;
  }
  if (cut <= 0) return null;
  // The separator (« — ») stays with the territory: « Conditions d… — Kamouraska ».
  const match = /^(.*?)(\s*[—–:|-]?\s*)$/su.exec(title.slice(0, cut));
  const head = match?.[1] ?? '';
  if (head.trim() === '') return null;
  return { head, tail: title.slice(head.length) };
}

/** The characters of the shared beginning kept whole before its ellipsis, at the least (« C… — Témiscouata » on a 360 px phone with « Lecture seule »). */
export const TITLE_HEAD_MIN_CHARS = 1;

/** The width (px) of `text`'s first `chars` characters as laid out. */
function widthOf(text: Text, chars: number): number {
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(chars, text.length));
  return range.getBoundingClientRect().width;
}

/** Where the title's text may end: its box's right less its padding and border (px). */
function innerRight(title: HTMLElement): number {
  const style = getComputedStyle(title);
  return (
    title.getBoundingClientRect().right -
    parseFloat(style.paddingRight) -
    parseFloat(style.borderRightWidth)
  );
}

/**
 * Whether the header's title shows what it must: a split title its territory whole after the
 * first TITLE_HEAD_MIN_CHARS characters of the rest and an ellipsis; another, its first
 * `minChars` characters (and the ellipsis where the rest is cut).
 */
export function titleShowsEnough(title: HTMLElement, minChars: number): boolean {
  const head = title.querySelector<HTMLElement>('.title-head');
  const tail = title.querySelector<HTMLElement>('.title-tail');
  const fontSize = parseFloat(getComputedStyle(title).fontSize);
  if (head && tail && head.firstChild instanceof Text) {
    const text = head.firstChild;
    const needed =
      widthOf(text, TITLE_HEAD_MIN_CHARS) +
      (text.length > TITLE_HEAD_MIN_CHARS ? fontSize : 0) +
      tail.getBoundingClientRect().width;
    return head.getBoundingClientRect().left + needed <= innerRight(title) + 0.5;
  }
  const text = title.firstChild;
  if (!(text instanceof Text) || text.length === 0) return true;
  // Laid out whole even where clipped: where its minChars-th character ends, plus the ellipsis
  // when the rest is cut.
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(minChars, text.length));
  const ellipsis = text.length > minChars ? fontSize : 0;
  return range.getBoundingClientRect().right + ellipsis <= innerRight(title) + 0.5;
}

/**
 * Gives a split title's beginning what its territory leaves of the title's box (header-rows.css
 * cuts it there with an ellipsis); where the whole title fits, nothing is cut.
 */
export function fitTitleHead(title: HTMLElement): void {
  const head = title.querySelector<HTMLElement>('.title-head');
  const tail = title.querySelector<HTMLElement>('.title-tail');
  if (!head || !tail) return;
  head.style.removeProperty('max-width');
  // On a row of its own, a split title wraps rather than cut (header-rows.css).
  if (title.closest('[data-title-row]') || title.scrollWidth <= title.clientWidth + 0.5) return;
  const fontSize = parseFloat(getComputedStyle(title).fontSize);
  const room = innerRight(title) - head.getBoundingClientRect().left;
  const left = room - tail.getBoundingClientRect().width;
  head.style.maxWidth = `${Math.max(Math.floor(left), Math.ceil(1.5 * fontSize))}px`;
}

export function BoardTitle({ title, parts }: { title: string; parts: TitleParts | null }) {
  if (!parts) return <h1 className="board-title">{title}</h1>;
  return (
    <h1 className="board-title board-title-split">
      <span className="title-head">{parts.head}</span>
      <span className="title-tail">{parts.tail}</span>
    </h1>
  );
}
