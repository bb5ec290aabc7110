import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ToolPointer } from '../tools/types';
import { CanvasInput } from './input';
import type { BoardSession } from './session';

// A canvas that counts its layout reads, and a session whose tool records what it is given.
function rig() {
  const handlers = new Map<string, (e: unknown) => void>();
  let rectReads = 0;
  const element = {
    addEventListener: (type: string, handler: (e: unknown) => void) => handlers.set(type, handler),
    removeEventListener: () => {},
    focus: () => {},
    setPointerCapture: () => {},
    getBoundingClientRect: () => {
      rectReads++;
      return { left: 10, top: 20 };
    },
  };
  const moves: ToolPointer[] = [];
  const tool = {
    id: 'select',
    pointerDown: () => null,
    pointerMove: (_ctx: unknown, pointer: ToolPointer) => {
      moves.push(pointer);
      return null;
    },
    pointerUp: () => null,
    cancel: () => null,
  };
  const store = createStore(() => ({
    tool: 'select',
    spacePan: false,
    editingId: null,
    hoverCursor: null,
    hoverLocked: null,
    camera: { x: 0, y: 0, zoom: 1 },
  }));
  const session = {
    store,
    readOnly: false,
    coarsePointer: false,
    presence: { setCursor: () => {} },
    shell: { apply: () => {} },
    currentTool: () => tool,
    toWorld: (p: { x: number; y: number }) => p,
    toolContext: () => ({ handleAt: () => null, shapeAt: () => null, lockedAt: () => null }),
  } as unknown as BoardSession;
  new CanvasInput(session, element as unknown as HTMLElement);
  const fire = (type: string, e: Record<string, unknown>) => {
    const event = { button: 0, pointerId: 1, target: null, preventDefault: () => {}, ...e };
    handlers.get(type)?.(event);
  };
  return { fire, moves, rectReads: () => rectReads };
}

describe('canvas input', () => {
  beforeEach(() => {
    vi.stubGlobal('HTMLTextAreaElement', class {});
    vi.stubGlobal('HTMLInputElement', class {});
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads where the canvas is once per move, for a dragging pen and a hovering mouse', () => {
    const { fire, moves, rectReads } = rig();
    fire('pointerdown', { pointerType: 'pen', clientX: 110, clientY: 120 });
    const afterDown = rectReads();
    fire('pointermove', { pointerType: 'pen', clientX: 130, clientY: 150 });
    expect(rectReads() - afterDown).toBe(1);
    expect(moves.at(-1)?.screen).toEqual({ x: 120, y: 130 });
    fire('pointerup', { pointerType: 'pen', clientX: 130, clientY: 150 });

    const beforeHover = rectReads();
    fire('pointermove', { pointerType: 'mouse', clientX: 300, clientY: 300 });
    expect(rectReads() - beforeHover).toBe(1);
  });
});
