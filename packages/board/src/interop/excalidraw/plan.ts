import { IMAGE_MIME_TYPES } from '../../shapes/image/image.ts';
import { strokeFromPagePoints } from '../../shapes/stroke/simplify.ts';
import { inkColorOf, noteColorOf } from '../colors.ts';
import type { InteropWarning } from '../errors.ts';
import type { ImportPlan, PendingBlob, PlannedBinding, PlannedShape } from '../plan/plan.ts';
import type { ExcalidrawElement, ExcalidrawScene } from './scene.ts';
import { readExcalidrawScene } from './scene.ts';

type Point = { x: number; y: number };

const TRANSPARENT = /^(transparent|none|)$/i;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const size = (value: number) => clamp(Math.abs(value), 1, 1e6);
const width = (element: ExcalidrawElement) => clamp(element.strokeWidth * 2, 0.5, 200);

/** Excalidraw turns a shape about its centre, Carton about its (x, y): move the corner. */
function placement(element: ExcalidrawElement, origin: Point) {
  const w = size(element.width);
  const h = size(element.height);
  const angle = element.angle;
  const cx = element.x - origin.x + w / 2;
  const cy = element.y - origin.y + h / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return {
    x: cx + (-w / 2) * cos - (-h / 2) * sin,
    y: cy + (-w / 2) * sin + (-h / 2) * cos,
    rotation: angle,
    w,
    h,
  };
}

/** A line's or arrow's points in page coordinates, its rotation applied. */
function pagePoints(element: ExcalidrawElement, origin: Point): Point[] {
  const cx = element.x + element.width / 2;
  const cy = element.y + element.height / 2;
  const cos = Math.cos(element.angle);
  const sin = Math.sin(element.angle);
  return (element.points ?? []).map(([px, py]) => {
    const dx = element.x + px - cx;
    const dy = element.y + py - cy;
    return { x: cx + dx * cos - dy * sin - origin.x, y: cy + dx * sin + dy * cos - origin.y };
  });
}

function textOf(element: ExcalidrawElement): string {
  return (element.originalText ?? element.text ?? '').slice(0, 10_000);
}

const ALIGN: Record<string, 'start' | 'middle' | 'end'> = {
  left: 'start',
  center: 'middle',
  right: 'end',
};

/** Bytes of a `data:<mime>;base64,…` URL, or null. */
function dataUrlBytes(url: string): { mime: string; bytes: Uint8Array } | null {
  const match = /^data:([\w/+.-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(url);
  if (!match) return null;
  try {
    const decode = (globalThis as unknown as { atob(data: string): string }).atob;
    const binary = decode((match[2] ?? '').replace(/\s/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.byteLength > 0 ? { mime: match[1] ?? '', bytes } : null;
  } catch {
    return null;
  }
}

/**
 * An Excalidraw scene → a plan of Carton shapes (M32): frames become cartons (their elements
 * inside), rectangles with a background and a bound text become sticky notes, other
 * rectangles and ellipses stay outlines, text stays text, freehand and lines become strokes,
 * arrows keep their bindings, images become image shapes whose bytes are pending blobs (the
 * caller stores them, then applies the plan with the stored ids). The drawing's top-left goes
 * to (0, 0). Diamonds and embeds are left out with a warning.
 */
export function planFromExcalidraw(input: string | Uint8Array | unknown): ImportPlan {
  const scene: ExcalidrawScene = readExcalidrawScene(input);
  const live = scene.elements.filter((element) => !element.isDeleted);
  const origin = {
    x:
      Math.min(0, ...live.map((e) => e.x)) === 0 && live.length === 0
        ? 0
        : Math.min(...live.map((e) => e.x)),
    y: live.length === 0 ? 0 : Math.min(...live.map((e) => e.y)),
  };
  const byId = new Map(live.map((element) => [element.id, element]));
  const warnings: InteropWarning[] = [];
  const where = (element: ExcalidrawElement) => `elements[${scene.elements.indexOf(element)}]`;
  // Rectangles that read as sticky notes, and the texts they swallow.
  const noteText = new Map<string, ExcalidrawElement>();
  for (const element of live) {
    const container = element.containerId ? byId.get(element.containerId) : undefined;
    if (
      element.type === 'text' &&
      container?.type === 'rectangle' &&
      !TRANSPARENT.test(container.backgroundColor)
    ) {
      noteText.set(container.id, element);
    }
  }
  const keys = new Map<string, string>();
  for (const element of live) keys.set(element.id, `excalidraw:${element.id}`);
  for (const [containerId, text] of noteText) keys.set(text.id, `excalidraw:${containerId}`);

  const frames = live.filter(
    (element) => element.type === 'frame' || element.type === 'magicframe',
  );
  const parentOf = (element: ExcalidrawElement) => {
    const frame = element.frameId ? byId.get(element.frameId) : undefined;
    return frame && frames.includes(frame) ? { parentKey: keys.get(frame.id) as string } : {};
  };
  const shapes: PlannedShape[] = [];
  const blobs = new Map<string, PendingBlob>();
  const bindingOf = (
    binding: ExcalidrawElement['startBinding'],
    at: Point,
  ): PlannedBinding | undefined => {
    const target = binding ? byId.get(binding.elementId) : undefined;
    const key = target ? keys.get(target.id) : undefined;
    if (!target || !key || target.type === 'arrow') return undefined;
    const box = placement(target, origin);
    return {
      key,
      anchor: { x: clamp((at.x - box.x) / box.w, 0, 1), y: clamp((at.y - box.y) / box.h, 0, 1) },
    };
  };

  for (const frame of frames) {
    const { x, y, rotation, w, h } = placement(frame, origin);
    shapes.push({
      key: keys.get(frame.id) as string,
      type: 'carton',
      props: { x, y, rotation, w, h, title: (frame.name ?? 'Cadre').slice(0, 500) },
    });
  }
  for (const element of live) {
    const key = keys.get(element.id) as string;
    const parent = parentOf(element);
    const ink = inkColorOf(element.strokeColor);
    switch (element.type) {
      case 'frame':
      case 'magicframe':
        break;
      case 'rectangle':
      case 'ellipse': {
        const box = placement(element, origin);
        const text = noteText.get(element.id);
        if (text) {
          const color = noteColorOf(element.backgroundColor) ?? 'yellow';
          shapes.push({
            key,
            type: 'note',
            ...parent,
            props: { ...box, text: textOf(text), color },
          });
          break;
        }
        const fill = TRANSPARENT.test(element.backgroundColor) ? 'none' : 'semi';
        shapes.push({
          key,
          type: element.type === 'rectangle' ? 'rect' : 'ellipse',
          ...parent,
          props: { ...box, color: ink, fill, strokeWidth: width(element) },
        });
        break;
      }
      case 'text': {
        if (keys.get(element.id) !== key || noteText.get(element.containerId ?? '') === element)
          break;
        const box = placement(element, origin);
        const fontSize = clamp(element.fontSize ?? 20, 4, 1000);
        shapes.push({
          key,
          type: 'text',
          ...parent,
          props: {
            ...box,
            text: textOf(element),
            color: ink,
            fontSize,
            align: ALIGN[element.textAlign ?? 'left'] ?? 'start',
          },
        });
        break;
      }
      case 'freedraw':
      case 'line': {
        const points = pagePoints(element, origin);
        if (points.length < 2) break;
        const pressures = element.pressures ?? [];
        const simulate =
          element.simulatePressure !== false ||
          pressures.length < points.length ||
          element.type === 'line';
        const flat = points.flatMap((p, i) => [
          p.x,
          p.y,
          simulate ? 0.5 : clamp(pressures[i] ?? 0.5, 0, 1),
        ]);
        const stroke = strokeFromPagePoints(flat);
        shapes.push({
          key,
          type: 'stroke',
          ...parent,
          props: { ...stroke, color: ink, width: width(element) },
        });
        break;
      }
      case 'arrow': {
        const points = pagePoints(element, origin);
        const first = points[0];
        const last = points[points.length - 1];
        if (!first || !last || points.length < 2) break;
        const start = bindingOf(element.startBinding, first);
        const end = bindingOf(element.endBinding, last);
        shapes.push({
          key,
          type: 'arrow',
          ...parent,
          props: {
            x: first.x,
            y: first.y,
            start: { x: 0, y: 0 },
            end: { x: last.x - first.x, y: last.y - first.y },
            color: ink,
            width: width(element),
          },
          ...(start ? { startBinding: start } : {}),
          ...(end ? { endBinding: end } : {}),
        });
        break;
      }
      case 'image': {
        const file = element.fileId ? scene.files[element.fileId] : undefined;
        if (!file || !element.fileId) {
          warnings.push({
            code: 'missing_file',
            path: where(element),
            message: 'the image’s file is not in the scene: left out',
          });
          break;
        }
        const decoded = dataUrlBytes(file.dataURL);
        const mime = (IMAGE_MIME_TYPES as readonly string[]).includes(file.mimeType)
          ? file.mimeType
          : null;
        if (!decoded || !mime) {
          warnings.push({
            code: 'broken_image',
            path: `files.${element.fileId}`,
            message: 'not a PNG, JPEG, WebP or GIF data URL: left out',
          });
          break;
        }
        if (!blobs.has(element.fileId))
          blobs.set(element.fileId, { key: element.fileId, mime, bytes: decoded.bytes });
        shapes.push({
          key,
          type: 'image',
          ...parent,
          blobKey: element.fileId,
          props: { ...placement(element, origin), mime },
        });
        break;
      }
      default:
        warnings.push({
          code: 'unsupported_element',
          path: where(element),
          message: `${element.type} has no Carton equivalent: left out`,
        });
    }
  }
  return { shapes, pendingBlobs: [...blobs.values()], warnings };
}
