// @carton/board — the board model: document layout, shapes, commands, reads, view, codec.
// See ../SPEC.md for the numbered rules (M1…).

export type { BoardKind, BoardMeta, ShapesMap, ShapeRecordMap } from './doc/layout.ts';
export {
  BOARD_KINDS,
  BOARD_SCHEMA_VERSION,
  DELETED_BY_KEY,
  META_KEY,
  ROOT_KEY,
  SHAPES_KEY,
  deletersIn,
  initBoardDoc,
  readMeta,
  shapesMapOf,
} from './doc/layout.ts';

export type {
  LocalOrigin,
  MigrationOrigin,
  Origin,
  RemoteOrigin,
  ServerOrigin,
} from './origin/origin.ts';
export {
  MIGRATION_ORIGIN,
  REMOTE_ORIGIN,
  SERVER_ORIGIN,
  isLocalOrigin,
  localOrigin,
} from './origin/origin.ts';

export { SHAPE_ID_PREFIX, isShapeId, newShapeId } from './ids/ids.ts';
export { compareOrder, isValidIndex } from './zorder/zorder.ts';

export type { BaseShape, ShapeDefinition, ShapeMigration } from './shapes/common/base.ts';
export { isLocked } from './shapes/common/base.ts';
export type { Box, Placement, Point } from './shapes/common/geometry.ts';
export { boxesIntersect, pageBounds, toLocal, toPage } from './shapes/common/geometry.ts';
export type { InkColor, NoteColor } from './shapes/common/palette.ts';
export { INK_COLOR_HEX, INK_COLORS, NOTE_COLOR_HEX, NOTE_COLORS } from './shapes/common/palette.ts';
export type { Fill } from './shapes/common/outline.ts';
export { FILLS } from './shapes/common/outline.ts';
export type { NoteShape } from './shapes/note/note.ts';
export type { CartonShape } from './shapes/carton/carton.ts';
export type { StrokeShape } from './shapes/stroke/stroke.ts';
export { MAX_STROKE_POINTS, strokePointsBox } from './shapes/stroke/stroke.ts';
export { simplifyStrokePoints, strokeFromPagePoints } from './shapes/stroke/simplify.ts';
export type { TextAlign, TextShape } from './shapes/text/text.ts';
export { TEXT_ALIGNS } from './shapes/text/text.ts';
export type { RectShape } from './shapes/rect/rect.ts';
export type { EllipseShape } from './shapes/ellipse/ellipse.ts';
export type { ArrowBinding, ArrowShape } from './shapes/arrow/arrow.ts';
export type { ArrowTargets } from './shapes/arrow/clip.ts';
export { ARROW_GAP, arrowDrawnEnds } from './shapes/arrow/clip.ts';
export type { ImageMimeType, ImageShape } from './shapes/image/image.ts';
export { IMAGE_MIME_TYPES } from './shapes/image/image.ts';
export type { StampKind, StampShape } from './shapes/stamp/stamp.ts';
export { STAMP_KINDS } from './shapes/stamp/stamp.ts';
export type { Shape, ShapeOf, ShapeProps, ShapeType } from './shapes/registry.ts';
export {
  SHAPE_TYPES,
  definitionOf,
  hitTestShape,
  isShapeType,
  resizeShape,
  shapeBounds,
  shapesBounds,
  shapeRegistry,
} from './shapes/registry.ts';

export type {
  ArrangeKind,
  ArrangeMove,
  ArrangeOptions,
  ArrangeOutcome,
  ArrangePlan,
} from './arrange/arrange.ts';
export {
  ARRANGE_GRID_GAP,
  ARRANGE_KINDS,
  arrangeMinimum,
  arrangeShapes,
  planArrange,
} from './arrange/arrange.ts';

export type { ReadCache } from './read/read.ts';
export { bindingPagePoint, readRecord, readShape } from './read/read.ts';

export type { BoardOptions } from './board/board.ts';
export { Board } from './board/board.ts';
export type {
  BoardTransaction,
  ReorderDirection,
  ShapeCreateInput,
  ShapePatch,
  UpdateOptions,
} from './commands/types.ts';
export { BoardCommandError } from './commands/errors.ts';
export { MAX_BOARD_SHAPES, TooManyShapesError } from './commands/limit.ts';
export type { BoardUndoManager, BoardUndoOptions } from './undo/undo.ts';
export type { TextSplice } from './stored/splice.ts';
export { textSplice } from './stored/splice.ts';

export type { BoardView } from './view/view.ts';
export { createBoardView } from './view/view.ts';

export type {
  BoardFile,
  BoardFileMeta,
  BoardFileImage,
  BoardFileShape,
  UnknownShapeRecord,
} from './codec/file.ts';
export {
  BOARD_FILE_FORMAT,
  BOARD_FILE_VERSION,
  imageBlobIds,
  serializeBoardFile,
  withImages,
} from './codec/file.ts';
export type { BoardFileIssue, BoardFileIssueCode } from './codec/errors.ts';
export { BOARD_FILE_ISSUE_CODES, BoardFileError } from './codec/errors.ts';
export { exportBoard } from './codec/export.ts';
export type { ParsedBoardFile } from './codec/import.ts';
export {
  MAX_FILE_IMAGE_BYTES,
  MAX_FILE_SHAPES,
  importBoard,
  parseBoardFile,
  parseBoardFileText,
} from './codec/import.ts';
export type { BoardFileMigration, UpgradeOptions } from './codec/migrations.ts';
export { BOARD_FILE_MIGRATIONS, upgradeBoardFile } from './codec/migrations.ts';
export type { InsertOptions, InsertSummary } from './codec/insert.ts';
export { insertBoardFile } from './codec/insert.ts';

// Downloaded files' name stems and the local day, shared by the server and the web client.
export { SLUG_MAX_LENGTH, localDay, slugify } from './naming/naming.ts';

export type { InvariantViolation } from './invariants/invariants.ts';
export { checkInvariants } from './invariants/invariants.ts';

export type { MigrateBoardOptions, MigrationSet } from './migrations/migrate.ts';
export { migrateBoardDoc, migrateRecord, registryMigrations } from './migrations/migrate.ts';

// Other tools' files → plans of shapes the caller applies with Board commands.
export type { InteropErrorCode, InteropWarning, InteropWarningCode } from './interop/errors.ts';
export { InteropError } from './interop/errors.ts';
export type {
  ApplyPlanOptions,
  ImportPlan,
  PendingBlob,
  PlannedBinding,
  PlannedShape,
  StoredBlobRef,
} from './interop/plan/plan.ts';
export { applyPlan } from './interop/plan/plan.ts';
export type { CsvNotesOptions, CsvNotesPlan } from './interop/csv/notes.ts';
export { MAX_CSV_BYTES, MAX_CSV_ROWS, planNotesFromCsv } from './interop/csv/notes.ts';
export { decodeText } from './interop/text/decode.ts';
export type { ExcalidrawElement, ExcalidrawScene } from './interop/excalidraw/scene.ts';
export {
  MAX_EXCALIDRAW_BYTES,
  MAX_EXCALIDRAW_ELEMENTS,
  readExcalidrawScene,
} from './interop/excalidraw/scene.ts';
export { planFromExcalidraw } from './interop/excalidraw/plan.ts';

// Forum day: the forum document (facilitation state), its readers and writers (F1–F6).
export type {
  CompilationState,
  SpotlightState,
  TimerState,
  TimerStatus,
  VoteState,
  VoteStatus,
} from './forum/layout.ts';
export {
  FORUM_ROOM_PREFIX,
  FORUM_ROOT_KEY,
  forumRoomName,
  initForumDoc,
  latestClosedVote,
  MAX_WORDING_LENGTH,
  noteKey,
  splitNoteKey,
  observeForum,
  readCompilation,
  readSpotlight,
  readTimer,
  readVote,
  readVotes,
  timerRemainingMs,
} from './forum/layout.ts';
export type { TimerAction } from './forum/commands.ts';
export {
  ForumCommandError,
  applyTimer,
  closeVote,
  nextTimer,
  openVote,
  reopenVote,
  setSpotlight,
  setVoteCounts,
  updateCompilation,
} from './forum/commands.ts';
export { BSL_TERRITORIES } from './forum/territories.ts';

// Starting content of a forum's boards, from the seed (T0–T3).
export {
  BLANK_POSTCARDS,
  applyBoardTemplate,
  territoryCartonTitle,
  territoryOfBoardMeta,
} from './templates/templates.ts';
export * as templateText from './templates/text.ts';

// « Les incontournables » (C1–C5).
export type {
  CompilationBoard,
  CompilationOptions,
  IncontournableItem,
} from './compilation/compile.ts';
export {
  compileIncontournables,
  compileIncontournablesInSteps,
  ideaKey,
} from './compilation/compile.ts';
// C9: ideas that look alike, offered as merges.
export {
  ideaLikeness,
  ideaPairKey,
  ideaStems,
  MAX_SIMILAR_IDEAS,
  similarIdeas,
  type Likeness,
  type SimilarIdeas,
} from './compilation/similar.ts';
export {
  compilationHeading,
  toCsv,
  toMarkdown,
  type CompilationLanguage,
} from './compilation/format.ts';
