import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

export const TEXT_ALIGNS = ['start', 'middle', 'end'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];

/**
 * Free text such as the headings « Conditions présentes ». The model cannot measure text: the
 * client writes w (wrap width) and h (measured height) with the text.
 */
export interface TextShape extends BaseShape {
  readonly type: 'text';
  readonly text: string;
  readonly color: InkColor;
  readonly fontSize: number;
  readonly align: TextAlign;
  readonly w: number;
  readonly h: number;
}

const textProps = {
  text: z.string().max(10_000),
  color: inkColorSchema,
  fontSize: z.number().min(4).max(1000),
  align: z.enum(TEXT_ALIGNS),
  w: sizeSchema,
  h: sizeSchema,
};

export const textDefinition = defineShape<TextShape, typeof textProps>({
  type: 'text',
  props: textProps,
  mergedText: ['text'],
  defaults: () => ({ text: '', color: 'black', fontSize: 32, align: 'start', w: 300, h: 40 }),
  migrations: [],
  localBox: (text) => ({ x: 0, y: 0, w: text.w, h: text.h }),
});
