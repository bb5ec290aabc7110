import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) as base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new capability token. Shown once (in the forum creation answer), stored only as a hash (R21). */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a string could be a token; anything else is refused without a lookup. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * SHA-256 of the token. Tokens carry 256 bits of entropy, so a fast unsalted hash is enough;
 * lookups by hash (an index probe) leak no timing about the token's value.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Ids for forums and boards: 96 random bits, URL-safe, matching BOARD_ID_PATTERN. */
export function generateId(): string {
  return randomBytes(12).toString('base64url');
}
