// TextDecoder exists in every runtime Carton runs in (Node ≥ 11, browsers), but the model is
// compiled without DOM or Node types: declare just what is used.
interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * Bytes → text: UTF-8 (a byte order mark is dropped); bytes that are not valid UTF-8 are read
 * as Windows-1252, what Excel on Windows writes for « Enregistrer en CSV ».
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const text = new Decoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new Decoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
