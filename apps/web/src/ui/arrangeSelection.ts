// « Aligner », « Répartir », « Ranger en grille » on the chosen shapes (M34): the model's
// arrangeShapes and, in the same transaction and undo step, what a drag does after it — the
// stamps on a moved note follow it, a note set down in a carton joins it, one taken out of its
// carton leaves it (reparentAfterMove, the select tool's own rule, through the shell's reparent
// plan).
import {
  arrangeMinimum,
  arrangeShapes,
  type ArrangeKind,
  type ArrangeMove,
  type ArrangePlan,
} from '@carton/board';
import { movesOf } from '../board/keyboardMoves';
import type { BoardSession } from '../board/session';
import { reparentAfterMove } from '../tools/select/select';
import type { ToolContext } from '../tools/types';
import type { Translate } from './describeSelection';

/**
 * The tool context as it will read once `moves` are written: reparentAfterMove looks at where
 * each moved shape lands (the scene only learns of the writes when the transaction ends).
 */
function afterMoves(ctx: ToolContext, moves: readonly ArrangeMove[]): ToolContext {
  const byId = new Map(moves.map((m) => [m.id, m]));
  return {
    ...ctx,
    getInfo: (id) => {
      const info = ctx.getInfo(id);
      const move = byId.get(id);
      if (!info || !move) return info;
      const { bounds } = info;
      return { ...info, bounds: { ...bounds, x: bounds.x + move.dx, y: bounds.y + move.dy } };
    },
  };
}

/** Arranges the chosen shapes as one undo step; null when nothing could be written. */
export function arrangeSelection(session: BoardSession, kind: ArrangeKind): ArrangePlan | null {
  const { store, shell } = session;
  const { selection, readOnly } = store.getState();
  if (readOnly || selection.length === 0) return null;
  // A burst of arrows still open is its own undo step, closed before this one.
  movesOf(session).end();
  const ctx = session.toolContext();
  const plan = shell.commit((tx) => {
    const done = arrangeShapes(tx, selection, kind);
    // The hearts and stars on the arranged notes go with them (tools/stamp/carriedStamps).
    shell.carryStamps(tx, done.arranged, done.moves);
    // Cartons moved are left out of the targets (a drag's rule), their children stay theirs.
    // The shell's reparent runs inside this board.run: the same Yjs transaction.
    const moved = done.moves.map((m) => m.id);
    if (moved.length) shell.apply(reparentAfterMove(afterMoves(ctx, done.moves), moved));
    return done;
  });
  return plan ?? null;
}

/** What the live region says after an arrangement (« 5 papillons alignés à gauche »). */
export function arrangeWords(
  t: Translate,
  plan: ArrangePlan,
  typeOf: (id: string) => string | undefined,
): string {
  if (plan.outcome === 'allLocked') return t('arrange.allLocked');
  if (plan.outcome === 'tooFew')
    return t(arrangeMinimum(plan.kind) > 2 ? 'arrange.needThree' : 'arrange.needTwo');
  const count = plan.arranged.length;
  const notes = plan.arranged.every((id) => typeOf(id) === 'note');
  const things = t(notes ? 'arrange.things.notes' : 'arrange.things.shapes', { count });
  const done = t(`arrange.done.${plan.kind}`, { things });
  if (plan.locked.length === 0) return done;
  return `${done}. ${t('arrange.lockedKept', { count: plan.locked.length })}.`;
}
