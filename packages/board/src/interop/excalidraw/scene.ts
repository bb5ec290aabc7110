import { z } from 'zod';
import { formatPath } from '../../json/json.ts';
import { InteropError } from '../errors.ts';
import { decodeText } from '../text/decode.ts';

export const MAX_EXCALIDRAW_ELEMENTS = 10_000;
export const MAX_EXCALIDRAW_BYTES = 64 * 1024 * 1024;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const point = z.tuple([finite, finite]).rest(z.unknown());
const binding = z.looseObject({ elementId: z.string() }).nullable().optional();

/** The fields of an Excalidraw element that Carton reads (others are ignored). */
export const elementSchema = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(50),
  x: finite,
  y: finite,
  width: finite.default(0),
  height: finite.default(0),
  angle: finite.default(0),
  strokeColor: z.string().max(50).default('#1e1e1e'),
  backgroundColor: z.string().max(50).default('transparent'),
  strokeWidth: finite.default(2),
  isDeleted: z.boolean().default(false),
  frameId: z.string().nullable().optional(),
  containerId: z.string().nullable().optional(),
  text: z.string().max(100_000).optional(),
  originalText: z.string().max(100_000).optional(),
  fontSize: finite.optional(),
  textAlign: z.string().optional(),
  name: z.string().max(500).nullable().optional(),
  points: z.array(point).max(100_000).optional(),
  pressures: z.array(finite).max(100_000).optional(),
  simulatePressure: z.boolean().optional(),
  startBinding: binding,
  endBinding: binding,
  fileId: z.string().nullable().optional(),
});

export type ExcalidrawElement = z.infer<typeof elementSchema>;

const fileSchema = z.looseObject({ mimeType: z.string().max(100), dataURL: z.string() });
export type ExcalidrawFile = z.infer<typeof fileSchema>;

export interface ExcalidrawScene {
  readonly elements: readonly ExcalidrawElement[];
  readonly files: Readonly<Record<string, ExcalidrawFile>>;
}

/**
 * An `.excalidraw` file (text, bytes or parsed JSON) → its elements and files, checked:
 * `not_json`, `wrong_format` (not `type: "excalidraw"`), `invalid_value` with the path,
 * `too_many_elements`, `too_large`.
 */
export function readExcalidrawScene(input: string | Uint8Array | unknown): ExcalidrawScene {
  let raw: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > MAX_EXCALIDRAW_BYTES) {
      throw new InteropError('too_large', `the file is larger than ${MAX_EXCALIDRAW_BYTES} bytes`);
    }
    const text = typeof input === 'string' ? input : decodeText(input).text;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new InteropError('not_json', `not JSON: ${(error as Error).message}`);
    }
  }
  const scene = raw as { type?: unknown; elements?: unknown; files?: unknown };
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (scene.type !== 'excalidraw' && scene.type !== 'excalidraw/clipboard')
  ) {
    throw new InteropError(
      'wrong_format',
      'not an Excalidraw file: type must be "excalidraw"',
      'type',
    );
  }
  if (!Array.isArray(scene.elements))
    throw new InteropError('invalid_value', 'elements must be a list', 'elements');
  if (scene.elements.length > MAX_EXCALIDRAW_ELEMENTS) {
    throw new InteropError(
      'too_many_elements',
      `at most ${MAX_EXCALIDRAW_ELEMENTS} elements at once`,
      'elements',
    );
  }
  const elements: ExcalidrawElement[] = [];
  scene.elements.forEach((element, i) => {
    const parsed = elementSchema.safeParse(element);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InteropError(
        'invalid_value',
        issue?.message ?? 'invalid element',
        formatPath(`elements[${i}]`, issue?.path ?? []),
      );
    }
    elements.push(parsed.data);
  });
  const files: Record<string, ExcalidrawFile> = {};
  if (scene.files !== undefined && scene.files !== null) {
    if (typeof scene.files !== 'object' || Array.isArray(scene.files)) {
      throw new InteropError('invalid_value', 'files must be an object', 'files');
    }
    for (const [id, file] of Object.entries(scene.files as Record<string, unknown>)) {
      const parsed = fileSchema.safeParse(file);
      if (parsed.success && id !== '__proto__') files[id] = parsed.data;
    }
  }
  return { elements, files };
}
