import type { Shape } from '@carton/board';
import type { InputKind } from '../board/store';

/** Level of detail: far out, shapes draw as plain blocks without text. */
export type Detail = 'full' | 'low';

export interface ShapeComponentProps<S extends Shape = Shape> {
  shape: S;
  detail: Detail;
  /** The in-place editor covers this shape's text. */
  editing: boolean;
  /** Marked for erasing (eraser preview). */
  fading: boolean;
  /**
   * At the low level of detail, a note too narrow on screen to read but wide enough to see: grey
   * lines stand for its text.
   */
  textMarks?: boolean;
  /** Draw editing hints (« Écrivez ici… » on an empty note): the live board of an editor only. */
  hints?: boolean;
  /**
   * What the person last used while this shape is the one chosen (null otherwise): a chosen
   * empty note's hint says to tap or click it again to write.
   */
  chosenWith?: InputKind | null;
}

export interface OutlineProps<S extends Shape = Shape> {
  shape: S;
  color: string;
  zoom: number;
  /** Someone else's selection. */
  dashed: boolean;
}
