import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Rect, Shape, Text } from 'react-konva';
import { isLocked, type NoteShape as Note } from '@carton/board';
import { noteFill } from '../../theme/colors';
import { keepPunctuationAttached } from '../../i18n/typography';
import { FONT_FAMILY, measureText } from '../common/fonts';
import { useFontArrivals } from '../common/fontsArrived';
import type { ShapeComponentProps } from '../types';
import { noteTextMarks } from './detail';
import { NOTE_HINT_INK, NOTE_HINT_OPACITY, noteHintKey, noteHintLayout } from './hint';
import { LINE_HEIGHT, NOTE_PADDING, fitFontSize, wrapText } from '@carton/render';

export { NOTE_PADDING };

/** The grey of the lines standing for a far note's text (on every note colour). */
const NOTE_MARK_INK = 'rgba(43, 43, 43, 0.45)';

/** The hint is drawn in italics: measured so. */
const measureItalic = (text: string, size: number) => measureText(text, size, 'italic');

export function noteFontSize(note: Note): number {
  return fitFontSize(
    note.text,
    note.w - NOTE_PADDING * 2,
    note.h - NOTE_PADDING * 2,
    measureText,
    36,
    8,
  );
}

/**
 * The note's text as drawn: its fitted size and its lines, broken by @carton/render (at spaces
 * and after hyphens, « Accompagne- / moi ! ») as the export and the mosaic break them. Konva's
 * own wrap="word" breaks only at spaces and ASCII hyphens, and puts a hyphen at the next line's
 * start when the line is full right before it, so Konva gets the lines already broken.
 */
export function noteLayout(note: Note): { size: number; lines: string[] } {
  const size = noteFontSize(note);
  const lines = note.text.trim()
    ? wrapText(keepPunctuationAttached(note.text), note.w - NOTE_PADDING * 2, size, measureText)
    : [];
  return { size, lines };
}

export const NoteShape = memo(function NoteShape({
  shape,
  detail,
  editing,
  fading,
  hints = false,
  chosenWith = null,
  textMarks = false,
}: ShapeComponentProps<Note>) {
  const { t } = useTranslation();
  // A far-away note is a plain block (detail 'low'): its lines are measured only once it is drawn.
  const low = detail === 'low';
  // Measured again when a face of the typeface arrives (« Łódź » drawn before latin-ext came).
  const fontArrivals = useFontArrivals();
  const layout = useMemo(() => (low ? null : noteLayout(shape)), [shape, low, fontArrivals]);
  const hintKey = noteHintKey({
    text: shape.text,
    editing,
    hints,
    chosenWith,
    locked: isLocked(shape),
  });
  const hintWords = hintKey ? t(hintKey) : null;
  const hint = useMemo(
    () =>
      low || hintWords === null ? null : noteHintLayout(hintWords, shape.w, shape.h, measureItalic),
    [low, hintWords, shape.w, shape.h],
  );
  const fill = noteFill(shape.color);
  const marks = useMemo(
    () => (low && textMarks ? noteTextMarks(shape.text, shape.w, shape.h) : []),
    [low, textMarks, shape.text, shape.w, shape.h],
  );
  if (layout === null && marks.length > 0) {
    // One node, as the plain block is: the block, then its lines (nothing listens on this layer).
    return (
      <Shape
        x={shape.x}
        y={shape.y}
        rotation={deg(shape.rotation)}
        sceneFunc={(context) => {
          context.setAttr('fillStyle', fill);
          context.fillRect(0, 0, shape.w, shape.h);
          context.setAttr('fillStyle', NOTE_MARK_INK);
          for (const mark of marks) context.fillRect(mark.x, mark.y, mark.w, mark.h);
        }}
      />
    );
  }
  if (layout === null) {
    return (
      <Rect
        x={shape.x}
        y={shape.y}
        width={shape.w}
        height={shape.h}
        fill={fill}
        rotation={deg(shape.rotation)}
      />
    );
  }
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)} opacity={fading ? 0.3 : 1}>
      {/* A flat offset block reads as a shadow and costs far less than a blurred one. */}
      <Rect
        x={3}
        y={4}
        width={shape.w}
        height={shape.h}
        fill="rgba(60,40,0,0.16)"
        cornerRadius={3}
      />
      <Rect width={shape.w} height={shape.h} fill={fill} cornerRadius={3} />
      {hint && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={shape.w - NOTE_PADDING * 2}
          height={shape.h - NOTE_PADDING * 2}
          text={hint.lines.join('\n')}
          fontSize={hint.size}
          fontFamily={FONT_FAMILY}
          fontStyle="italic"
          lineHeight={LINE_HEIGHT}
          fill={NOTE_HINT_INK}
          // Faint enough to read as a hint, dark enough to read on a projected pink note.
          opacity={NOTE_HINT_OPACITY}
          wrap="word"
          align="center"
          verticalAlign="middle"
        />
      )}
      {!editing && !hint && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={shape.w - NOTE_PADDING * 2}
          height={shape.h - NOTE_PADDING * 2}
          text={layout.lines.join('\n')}
          fontSize={layout.size}
          fontFamily={FONT_FAMILY}
          lineHeight={LINE_HEIGHT}
          fill="#2b2b2b"
          // The lines fit already (measured alike); Konva would wrap only a line it measured wider.
          wrap="word"
          align="center"
          verticalAlign="middle"
        />
      )}
    </Group>
  );
});

export const deg = (radians: number) => (radians * 180) / Math.PI;
