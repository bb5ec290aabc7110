// Copy, cut and paste as JSON text, so shapes travel between boards (and browsers) through the
// system clipboard. Pasted photos become image shapes.
import type { Shape, ShapeType } from '@carton/board';
import { isShapeType } from '@carton/board';
import { deleteSelection, select } from './actions';
import { noteNudge } from './creation';
import { insertImageFile } from './images';
import type { BoardSession } from './session';

const FORMAT = 'carton-clipboard';

interface ClipboardPayload {
  format: typeof FORMAT;
  version: 1;
  shapes: Shape[];
}

function typingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
  );
}

export function serializeSelection(session: BoardSession): string | null {
  const { selection } = session.store.getState();
  if (!selection.length) return null;
  const ids = new Set(selection);
  for (const child of session.scene.childrenOf(ids)) ids.add(child);
  const shapes = session.scene
    .orderedIds()
    .filter((id) => ids.has(id))
    .flatMap((id) => session.scene.getShape(id) ?? []);
  const payload: ClipboardPayload = { format: FORMAT, version: 1, shapes };
  return JSON.stringify(payload);
}

export function parseClipboard(text: string): Shape[] | null {
  try {
    const data = JSON.parse(text) as Partial<ClipboardPayload>;
    if (data.format !== FORMAT || !Array.isArray(data.shapes)) return null;
    return data.shapes.filter(
      (s): s is Shape =>
        typeof s === 'object' && s !== null && isShapeType((s as { type?: unknown }).type),
    );
  } catch {
    return null;
  }
}

/** Creates copies with fresh ids, parents and arrow bindings remapped, offset from the originals. */
export function pasteShapes(session: BoardSession, shapes: readonly Shape[], offset: number): void {
  // Pasted notes that would land exactly on notes already there step aside, all together.
  const notes = shapes.flatMap((s) =>
    s.type === 'note' ? [{ x: s.x + offset, y: s.y + offset, w: s.w, h: s.h }] : [],
  );
  offset += noteNudge(session.scene, notes).dx;
  const created = session.shell.commit((tx) => {
    const ids = new Map<string, string>();
    const out: string[] = [];
    // Cartons first so their contents can join them.
    const ordered = [...shapes].sort(
      (a, b) => Number(b.type === 'carton') - Number(a.type === 'carton'),
    );
    // M37: the whole paste fits, or nothing is pasted (the shell says why).
    tx.ensureRoom(ordered.length);
    for (const shape of ordered) {
      const {
        id,
        type,
        index: _index,
        createdBy: _createdBy,
        ...rest
      } = shape as Shape & Record<string, unknown>;
      const props: Record<string, unknown> = { ...rest, x: shape.x + offset, y: shape.y + offset };
      props.parentId = shape.parentId ? (ids.get(shape.parentId) ?? null) : null;
      if (shape.type === 'arrow') {
        for (const key of ['startBinding', 'endBinding'] as const) {
          const binding = shape[key];
          const target = binding ? ids.get(binding.shapeId) : undefined;
          props[key] = binding && target ? { ...binding, shapeId: target } : null;
        }
      }
      try {
        const newId = tx.create(type as ShapeType, props as never);
        ids.set(id, newId);
        if (!shape.parentId || !ids.has(shape.parentId)) out.push(newId);
      } catch {
        // A malformed shape from the clipboard is skipped, the rest is pasted.
      }
    }
    return out;
  });
  if (created) select(session, created);
}

export function installClipboard(session: BoardSession): () => void {
  let pasteCount = 0;
  const onCopy = (e: ClipboardEvent) => {
    if (typingTarget(e.target)) return;
    const text = serializeSelection(session);
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    pasteCount = 0;
  };
  const onCut = (e: ClipboardEvent) => {
    if (typingTarget(e.target) || session.readOnly) return;
    onCopy(e);
    deleteSelection(session);
  };
  const onPaste = (e: ClipboardEvent) => {
    if (typingTarget(e.target) || session.readOnly || !e.clipboardData) return;
    const file = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (file) {
      e.preventDefault();
      void insertImageFile(session, file, null);
      return;
    }
    const shapes = parseClipboard(e.clipboardData.getData('text/plain'));
    if (!shapes?.length) return;
    e.preventDefault();
    pasteCount += 1;
    pasteShapes(session, shapes, 24 * pasteCount);
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}
