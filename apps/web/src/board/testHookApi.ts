// The read-only window hook's shape, shared with the end-to-end tests (tests/e2e/hook.ts):
// it imports nothing but the model's types, so the tests can type-check against it.
import type { Shape } from '@carton/board';

export interface CartonTestHook {
  shapes(): Shape[];
  selection(): string[];
  tool(): string;
  camera(): { x: number; y: number; zoom: number };
  status(): string;
  role(): string;
  peers(): {
    name: string;
    cursor: { x: number; y: number } | null;
    preview: string | null;
    selection: string[];
  }[];
  following(): string | null;
  worldToScreen(x: number, y: number): { x: number; y: number };
  canUndo(): boolean;
  /** Photos chosen on this page and not yet on the board (board/photoSender.ts). */
  waitingPhotos(): { state: 'sending' | 'waiting'; width: number; height: number }[];
  /** Photo uploads under way whose answer this page has not yet handled (placed or not). */
  photoUploads(): number;
  /** Ids of the notes drawn with the « Écrivez ici… » hint (empty, not being edited). */
  noteHints(): string[];
}

declare global {
  interface Window {
    __carton?: CartonTestHook;
  }
}
