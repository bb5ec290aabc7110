import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import { clampSize } from '../common/geometry.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

/** heart ♥, star ★, check ✓, exclamation !, question ? */
export const STAMP_KINDS = ['heart', 'star', 'check', 'exclamation', 'question'] as const;
export type StampKind = (typeof STAMP_KINDS)[number];

/** A stamp (also the dots of dot voting): a square glyph of side `size`. */
export interface StampShape extends BaseShape {
  readonly type: 'stamp';
  readonly kind: StampKind;
  readonly size: number;
  readonly color: InkColor;
}

const stampProps = {
  kind: z.enum(STAMP_KINDS),
  size: z.number().min(4).max(2000),
  color: inkColorSchema,
};

export const stampDefinition = defineShape<StampShape, typeof stampProps>({
  type: 'stamp',
  props: stampProps,
  defaults: () => ({ kind: 'heart', size: 64, color: 'red' }),
  migrations: [],
  localBox: (stamp) => ({ x: 0, y: 0, w: stamp.size, h: stamp.size }),
  // Stamps stay square: the smaller side wins.
  resize: (_stamp, box) => ({
    x: box.x,
    y: box.y,
    size: Math.max(4, Math.min(clampSize(box.w), clampSize(box.h))),
  }),
});
