// One shape on the canvas, subscribed to its own snapshot: an edit re-renders this node only.
import { memo, useCallback, useSyncExternalStore } from 'react';
import type { BoardView } from '@carton/board';
import { Placeholder } from './common/Placeholder';
import { componentFor } from './registry';
import type { Detail } from './types';

interface Props {
  id: string;
  view: BoardView;
  detail: Detail;
  editing: boolean;
  fading: boolean;
  hints?: boolean;
}

export const ShapeNode = memo(function ShapeNode({
  id,
  view,
  detail,
  editing,
  fading,
  hints = false,
}: Props) {
  const subscribe = useCallback(
    (listener: () => void) => view.subscribeShape(id, listener),
    [view, id],
  );
  const shape = useSyncExternalStore(subscribe, () => view.getShape(id));
  if (!shape) return null;
  const Component = componentFor(shape);
  if (!Component) return <Placeholder shape={shape} />;
  return (
    <Component shape={shape} detail={detail} editing={editing} fading={fading} hints={hints} />
  );
});
