// The faint « Écrivez ici… » on an empty note: a hint drawn by the editor, never written to the
// document, so exports, versions, view links and projectors never show it. Once the note is
// chosen by a tap or a click, it says what comes next: a first tap only chooses a note (so a
// finger can drag it, a mouse resize or link it), and the select tool opens a chosen note's text
// on the next tap or click (tools/select/select.ts, editOnUp).
import { isLocked, type Shape } from '@carton/board';
import {
  NOTE_PADDING,
  fitFontSize,
  keepPunctuationAttached,
  wrapText,
  type MeasureWidth,
} from '@carton/render';
import type { InputKind } from '../../board/store';

/** The hint is the note's ink made fainter: still 4.5:1 on every note colour (contrast.test). */
export const NOTE_HINT_INK = '#2b2b2b';
export const NOTE_HINT_OPACITY = 0.75;

/** The hint's words in the catalogues: what to do, then what to do again once chosen. */
export type NoteHintKey = 'note.hint' | 'note.tapAgain' | 'note.clickAgain';

export interface NoteHintInput {
  text: string;
  /** The in-place editor covers the note: the caret is the hint. */
  editing: boolean;
  /** Only a page that can edit asks for hints (not view links, exports or version previews). */
  hints: boolean;
  /**
   * What the person last used while this note is the one chosen (not chosen, or several: null).
   * The keys write at once in a chosen empty note: « Écrivez ici… » stays true for them.
   */
  chosenWith?: InputKind | null;
  /** A locked note (M33) is not opened by another tap: it keeps « Écrivez ici… ». */
  locked?: boolean;
}

export function showsNoteHint({ text, editing, hints }: NoteHintInput): boolean {
  return hints && !editing && text.trim() === '';
}

/** Which hint an empty note shows, or null for none. */
export function noteHintKey(input: NoteHintInput): NoteHintKey | null {
  if (!showsNoteHint(input)) return null;
  const { chosenWith, locked } = input;
  if (locked || !chosenWith || chosenWith === 'keys') return 'note.hint';
  return chosenWith === 'mouse' ? 'note.clickAgain' : 'note.tapAgain';
}

/**
 * What the live region adds when `shape` is the one shape chosen: the advice its hint shows
 * (« Touchez encore pour écrire »), or null (not an empty note, a locked one, chosen from the
 * keys, or a page that cannot edit).
 */
export function chosenNoteAdvice(
  shape: Shape | undefined,
  chosenWith: InputKind | null,
  hints: boolean,
): NoteHintKey | null {
  if (shape?.type !== 'note') return null;
  const key = noteHintKey({
    text: shape.text,
    editing: false,
    hints,
    chosenWith,
    locked: isLocked(shape),
  });
  return key === 'note.hint' ? null : key;
}

/** The hint never grows past this (the note's own text starts at 36). */
const HINT_MAX_SIZE = 28;
const HINT_MIN_SIZE = 8;

/**
 * The hint's size and lines on a `w` × `h` note: a seventh of its width (12 to 28 px), smaller
 * where its words would not fit (a wide, low note; « Touchez encore pour écrire » is twice
 * « Écrivez ici… »), broken between words as the note's own text is (@carton/render).
 */
export function noteHintLayout(
  hint: string,
  w: number,
  h: number,
  measure: MeasureWidth,
): { size: number; lines: string[] } {
  const width = w - NOTE_PADDING * 2;
  const height = h - NOTE_PADDING * 2;
  const largest = Math.floor(Math.min(HINT_MAX_SIZE, Math.max(12, w / 7)));
  const size = fitFontSize(hint, width, height, measure, largest, HINT_MIN_SIZE);
  return { size, lines: wrapText(keepPunctuationAttached(hint), width, size, measure) };
}
