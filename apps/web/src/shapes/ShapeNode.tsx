// One shape on the canvas, subscribed to its own snapshot: an edit re-renders this node only.
import { memo, useCallback, useSyncExternalStore } from 'react';
import type { BoardView } from '@carton/board';
import type { InputKind } from '../board/store';
import { Placeholder } from './common/Placeholder';
import { NOTE_MARKS_MIN_PX, NOTE_TEXT_MIN_PX } from './note/detail';
import { componentFor } from './registry';
import type { Detail } from './types';

interface Props {
  id: string;
  view: BoardView;
  detail: Detail;
  /** At the low level of detail, notes at least this wide (world units) still draw their text. */
  noteTextWidth?: number;
  editing: boolean;
  fading: boolean;
  hints?: boolean;
  chosenWith?: InputKind | null;
}

export const ShapeNode = memo(function ShapeNode({
  id,
  view,
  detail,
  noteTextWidth = Infinity,
  editing,
  fading,
  hints = false,
  chosenWith = null,
}: Props) {
  const subscribe = useCallback(
    (listener: () => void) => view.subscribeShape(id, listener),
    [view, id],
  );
  const shape = useSyncExternalStore(subscribe, () => view.getShape(id));
  if (!shape) return null;
  const Component = componentFor(shape);
  if (!Component) return <Placeholder shape={shape} />;
  // A note big enough on screen to read keeps its text far out (a phone's zoom-to-fit).
  const own =
    detail === 'low' && shape.type === 'note' && shape.w >= noteTextWidth ? 'full' : detail;
  // Too narrow to read, wide enough to see (a 320 px phone's zoom-to-fit): its text as lines.
  const textMarks =
    own === 'low' &&
    shape.type === 'note' &&
    shape.w >= (noteTextWidth * NOTE_MARKS_MIN_PX) / NOTE_TEXT_MIN_PX;
  return (
    <Component
      shape={shape}
      detail={own}
      textMarks={textMarks}
      editing={editing}
      fading={fading}
      hints={hints}
      chosenWith={chosenWith}
    />
  );
});
