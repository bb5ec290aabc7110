// PNG export. The picture is drawn by an offscreen Konva stage built from the very shape
// components the canvas uses (registry.tsx), and read back with `layer.toCanvas({ pixelRatio })`.
// Why this path rather than @carton/render's SVG drawn into a canvas: the canvas measures and
// wraps note text with the browser's own text engine (Konva.Text + the shared wrap of @carton/render), while the SVG
// renderer wraps with the TTF's advance widths (no kerning), so a line can break one word
// earlier or later; only the same components give a picture that matches the board exactly.
// It also keeps images simple (an <img> of an SVG may not load blob: URLs). The offscreen
// stage holds one layer with the shapes only: no cursors, selection handles, guides or marquee
// (those live in the editor's interaction layer and in DOM overlays), and no dot grid (CSS).
// A closed vote's badges, drawn on the board as DOM overlays, are drawn last when asked for, as
// @carton/render places and draws them for the projector and the archive (voteBadges).
import type Konva from 'konva';
import { createRoot } from 'react-dom/client';
import { useEffect } from 'react';
import { Group, Layer, Rect, Stage, Text } from 'react-konva';
import type { Box, Shape } from '@carton/board';
import { VOTE_BADGE_FILL, type VoteBadge } from '@carton/render';
import { FONT_FAMILY } from '../shapes/common/fonts';
import { Placeholder } from '../shapes/common/Placeholder';
import { ImagePicture } from '../shapes/image/ImagePicture';
import { loadFonts, loadFontsFor } from '../shapes/common/loadFonts';
import { componentFor } from '../shapes/registry';
import { SessionContext } from '../board/context';
import type { BoardSession } from '../board/session';
import { ExportError } from './messages';

export interface RasterOptions {
  /** Output pixels per board unit (already clamped, see scale.ts). */
  readonly scale: number;
  /** CSS colour, or null for a transparent background. */
  readonly background: string | null;
  /** Decoded pictures by blob id (null: the fetch failed, the editor's grey placeholder). */
  readonly images: ReadonlyMap<string, HTMLImageElement | null>;
  /** The open board, for shape components that read it from context (as on the canvas). */
  readonly session?: BoardSession;
  /** A closed vote's badges on the notes (board units), drawn over everything. */
  readonly badges?: readonly VoteBadge[];
}

/** A badge as the SVG draws it (voteBadgesSvg): a dark pill with a white edge and count. */
function Badge({ badge }: { badge: VoteBadge }) {
  return (
    <Group>
      <Rect
        x={badge.x}
        y={badge.y}
        width={badge.width}
        height={badge.height}
        cornerRadius={badge.height / 2}
        fill={VOTE_BADGE_FILL}
        stroke="#fff"
        strokeWidth={4}
      />
      <Text
        x={badge.x}
        y={badge.y}
        width={badge.width}
        height={badge.height}
        text={badge.text}
        align="center"
        verticalAlign="middle"
        fontFamily={FONT_FAMILY}
        fontStyle="bold"
        fontSize={28}
        fill="#fff"
      />
    </Group>
  );
}

/** Every string of a shape (its text, title, label…; ids and colours are latin and ask for nothing). */
function shapeText(shape: Shape): string {
  return Object.values(shape)
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
}

function Drawn({ shape, images }: { shape: Shape; images: RasterOptions['images'] }) {
  if (shape.type === 'image') {
    // The editor's ImageShape fetches its picture itself after mounting; here pictures are
    // fetched before drawing, so the export never catches a half-loaded board.
    return <ImagePicture shape={shape} image={images.get(shape.blobId) ?? null} fading={false} />;
  }
  const Component = componentFor(shape);
  if (!Component) return <Placeholder shape={shape} />;
  return <Component shape={shape} detail="full" editing={false} fading={false} />;
}

/** Fires once the Konva tree above it has committed. */
function Committed({ onCommit }: { onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return null;
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new ExportError('canvas', 'the canvas gave no PNG')),
      'image/png',
    ),
  );
}

/** Draws `shapes` (in z-order) over `box` at `options.scale` and returns the canvas. */
export async function rasterize(
  shapes: readonly Shape[],
  box: Box,
  options: RasterOptions,
): Promise<HTMLCanvasElement> {
  // Text is measured for shrink-to-fit: the bundled typeface must be there before drawing.
  await loadFonts();
  await Promise.all([
    document.fonts.load('16px "Atkinson Hyperlegible"'),
    document.fonts.load('bold 16px "Atkinson Hyperlegible"'),
    // Names and notes beyond latin (« Łódź »): the faces for them, fetched only when needed.
    loadFontsFor(shapes.map(shapeText).join(' ')),
  ]).catch(() => undefined);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10px;top:-10px;width:1px;height:1px;overflow:hidden;';
  document.body.append(host);
  const root = createRoot(host);
  let layer: Konva.Layer | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ExportError('canvas', 'drawing timed out')),
        60_000,
      );
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      // The stage itself is 1 × 1: the picture is read from the layer at the box's size.
      root.render(
        <SessionContext.Provider value={options.session ?? null}>
          <Stage width={1} height={1} listening={false}>
            <Layer
              listening={false}
              ref={(node) => {
                layer = node;
              }}
            >
              {options.background !== null && (
                <Rect x={box.x} y={box.y} width={box.w} height={box.h} fill={options.background} />
              )}
              {shapes.map((shape) => (
                <Drawn key={shape.id} shape={shape} images={options.images} />
              ))}
              {options.badges?.map((badge) => (
                <Badge key={`badge:${badge.shapeId}`} badge={badge} />
              ))}
              <Committed onCommit={done} />
            </Layer>
          </Stage>
        </SessionContext.Provider>,
      );
    });
    const drawn = layer as Konva.Layer | null;
    if (!drawn) throw new ExportError('canvas', 'no layer');
    const canvas = drawn.toCanvas({
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      pixelRatio: options.scale,
    });
    if (canvas.width === 0 || canvas.height === 0) {
      throw new ExportError('canvas', 'the browser refused the canvas');
    }
    return canvas;
  } finally {
    root.unmount();
    host.remove();
  }
}

/** Draws and encodes a PNG. */
export async function rasterizePng(
  shapes: readonly Shape[],
  box: Box,
  options: RasterOptions,
  onEncoding?: () => void,
): Promise<{ blob: Blob; width: number; height: number }> {
  const canvas = await rasterize(shapes, box, options);
  onEncoding?.();
  try {
    const blob = await canvasToBlob(canvas);
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    // Free the pixels now rather than at the next collection (they can be a gigabyte).
    canvas.width = 0;
    canvas.height = 0;
  }
}
