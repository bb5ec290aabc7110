// A territory board watched from the plenary: its own Y.Doc over the plenary's token (view role,
// P1), drawn as SVG by @carton/render at most every RENDER_MS while it changes (cheap, live).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Board, type Shape } from '@carton/board';
import { renderSvg, type RenderedSvg, type RenderFonts } from '@carton/render';
import { wsUrl } from '../board/api';
import { sendOnlyOwnAwareness } from '../presence/ownAwareness';

const RENDER_MS = 400;

export class LiveBoard {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private readonly board: Board;
  private readonly restoreAwarenessHandler: () => void;
  private svg = '';
  private box: RenderedSvg['box'] = { x: 0, y: 0, w: 0, h: 0 };
  private shapes: Shape[] = [];
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly boardId: string,
    token: string,
    private readonly fonts: RenderFonts,
    private readonly title: string,
  ) {
    this.board = new Board(this.doc);
    this.provider = new WebsocketProvider(wsUrl('/sync'), boardId, this.doc, {
      params: { token },
      disableBc: true,
    });
    // The stock provider re-sends every remote presence it applies: send only our own.
    this.restoreAwarenessHandler = sendOnlyOwnAwareness(this.provider);
    this.doc.on('update', this.schedule);
    this.render();
  }

  private readonly schedule = () => {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.render();
    }, RENDER_MS);
  };

  private render(): void {
    const shapes = this.board.listShapes();
    this.shapes = shapes;
    this.count = shapes.length;
    const rendered = renderSvg(shapes, { fonts: this.fonts, title: this.title, padding: 24 });
    this.svg = rendered.svg;
    this.box = rendered.box;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSvg = (): string => this.svg;
  /** The drawn area in board units (the SVG's viewBox): the tile's aspect, where notes sit. */
  getBox = (): RenderedSvg['box'] => this.box;
  getShapes = (): readonly Shape[] => this.shapes;
  shapeCount(): number {
    return this.count;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.doc.off('update', this.schedule);
    // The provider's destroy takes its own handler off the awareness: put it back first.
    this.restoreAwarenessHandler();
    this.provider.destroy();
    this.board.destroy();
    this.doc.destroy();
  }
}
