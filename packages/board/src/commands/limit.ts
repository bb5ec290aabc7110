import { BoardCommandError } from './errors.ts';

/**
 * The most shapes a board holds (M37): the same bound as a board file's (M16), so a board's export
 * always imports again. The canvas pans a 10,000-shape board at 60 fps (bench/canvas).
 */
export const MAX_BOARD_SHAPES = 10_000;

/**
 * A command that adds shapes would take the board past MAX_BOARD_SHAPES (M37): it wrote
 * nothing. `code` is the board file's code for the same bound, so one message says both.
 */
export class TooManyShapesError extends BoardCommandError {
  readonly code = 'too_many_shapes' as const;
  /** Shapes on the board when the command was refused. */
  readonly shapes: number;
  /** Shapes the command would have added. */
  readonly adding: number;
  readonly max = MAX_BOARD_SHAPES;
  constructor(shapes: number, adding: number) {
    super(
      `a board holds at most ${MAX_BOARD_SHAPES} shapes: it has ${shapes}, this would add ${adding}`,
    );
    this.name = 'TooManyShapesError';
    this.shapes = shapes;
    this.adding = adding;
  }
}

/** Counts a run's additions against the bound; the board's count is read once, when first needed. */
export class ShapeRoom {
  private count: number | undefined = undefined;
  constructor(private readonly size: () => number) {}

  /** Throws TooManyShapesError, writing nothing, if `adding` more shapes would not fit. */
  ensure(adding: number): void {
    this.count ??= this.size();
    if (adding > 0 && this.count + adding > MAX_BOARD_SHAPES) {
      throw new TooManyShapesError(this.count, adding);
    }
  }

  /** Checks, then counts `adding` shapes about to be written. */
  take(adding: number): void {
    this.ensure(adding);
    this.count = (this.count ?? 0) + adding;
  }

  /** Shapes were deleted: the next check counts the board again. */
  forget(): void {
    this.count = undefined;
  }
}
