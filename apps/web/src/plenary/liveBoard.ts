// A territory board watched from the plenary: its own Y.Doc over the plenary's token (view role,
// P1), drawn as SVG by a LiveDrawing (throttled, one board at a time, photos fetched once: their
// small copies, the whole pictures of those shown big).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Board } from '@carton/board';
import type { RenderFonts } from '@carton/render';
import { fetchImage, wsUrl } from '../board/api';
import { sendOnlyOwnAwareness } from '../presence/ownAwareness';
import { LiveDrawing } from './liveDrawing';

export class LiveBoard {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private readonly board: Board;
  private readonly drawing: LiveDrawing;
  private readonly restoreAwarenessHandler: () => void;

  constructor(
    readonly boardId: string,
    token: string,
    fonts: RenderFonts,
    title: string,
  ) {
    this.board = new Board(this.doc);
    this.provider = new WebsocketProvider(wsUrl('/sync'), boardId, this.doc, {
      params: { token },
      disableBc: true,
    });
    // The stock provider re-sends every remote presence it applies: send only our own.
    this.restoreAwarenessHandler = sendOnlyOwnAwareness(this.provider);
    this.drawing = new LiveDrawing(this.doc, this.board, {
      fonts,
      title,
      loadImage: (blobId, copy) => fetchImage(boardId, token, blobId, copy),
    });
    this.provider.on('sync', this.onSync);
  }

  private readonly onSync = (synced: boolean): void => {
    if (synced) this.drawing.markSynced();
  };

  subscribe = (listener: () => void): (() => void) => this.drawing.subscribe(listener);
  getSvg = (): string => this.drawing.getSvg();
  /** The carton is drawn as the server holds it: no shape then means empty, not loading. */
  isLoaded = (): boolean => this.drawing.isLoaded();
  /** The drawn area in board units (the SVG's viewBox): the tile's aspect, where notes sit. */
  getBox = () => this.drawing.getBox();
  getShapes = () => this.drawing.getShapes();
  /** Photos of this board as object URLs, fetched once with its token (see LiveDrawing). */
  imageHref = (blobId: string): string | null => this.drawing.imageHref(blobId);
  /** A viewer drew this board in `root`: photos shown big get their whole picture. */
  sharpenShown = (root: ParentNode): void => this.drawing.sharpenShown(root);
  shapeCount(): number {
    return this.drawing.shapeCount();
  }

  destroy(): void {
    this.provider.off('sync', this.onSync);
    this.drawing.destroy();
    // The provider's destroy takes its own handler off the awareness: put it back first.
    this.restoreAwarenessHandler();
    this.provider.destroy();
    this.board.destroy();
    this.doc.destroy();
  }
}
