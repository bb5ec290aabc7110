// lib is ES2022 without DOM: declare only the Web Crypto call we use (Node 20 and browsers have it).
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const SHAPE_ID_PREFIX = 'shape:';

/** 'shape:' + 22 url-safe characters from 132 random bits. */
export function newShapeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  let id = SHAPE_ID_PREFIX;
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

export function isShapeId(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SHAPE_ID_PREFIX) && value.length > 6;
}
