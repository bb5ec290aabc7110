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
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// 0x80–0x9F of Windows-1252 (the rest is Latin-1). Decoded here: Node's TextDecoder without
// full ICU reads 'windows-1252' as Latin-1 and turns ’ (0x92) into a control character.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (HIGH[byte - 0x80] ?? byte) : byte);
  }
  return text;
}
