// The web client's read-only test hook (apps/web/src/board/testHook.ts), as seen from tests.
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
  noteHints(): string[];
}

declare global {
  interface Window {
    __carton?: CartonTestHook;
  }
}
