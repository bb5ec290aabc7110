// Dropping photo files on the canvas places them where they were dropped.
import { insertImageFile } from './images';
import type { BoardSession } from './session';

export function installDrop(session: BoardSession): () => void {
  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    e.preventDefault();
    const canvas = document.querySelector('.canvas');
    const rect = canvas?.getBoundingClientRect();
    const at = rect ? session.toWorld({ x: e.clientX - rect.left, y: e.clientY - rect.top }) : null;
    files.forEach(
      (file, i) =>
        void insertImageFile(session, file, at && { x: at.x + i * 32, y: at.y + i * 32 }),
    );
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}
