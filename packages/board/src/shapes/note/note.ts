import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { NoteColor } from '../common/palette.ts';
import { noteColorSchema } from '../common/palette.ts';

/** A sticky note: text on a coloured square. */
export interface NoteShape extends BaseShape {
  readonly type: 'note';
  readonly text: string;
  readonly color: NoteColor;
  readonly w: number;
  readonly h: number;
}

const noteProps = {
  text: z.string().max(10_000),
  color: noteColorSchema,
  w: sizeSchema,
  h: sizeSchema,
};

export const noteDefinition = defineShape<NoteShape, typeof noteProps>({
  type: 'note',
  props: noteProps,
  mergedText: ['text'],
  defaults: () => ({ text: '', color: 'yellow', w: 200, h: 200 }),
  migrations: [],
  localBox: (note) => ({ x: 0, y: 0, w: note.w, h: note.h }),
});
