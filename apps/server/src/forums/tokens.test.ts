import { describe, expect, it } from 'vitest';
import { BOARD_ID_PATTERN } from '../relay/relay.ts';
import { generateId, generateToken, hashToken, isWellFormedToken } from './tokens.ts';

describe('tokens', () => {
  it('R21: a token is 32 random bytes in base64url', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
    expect(new Set(Array.from({ length: 100 }, generateToken)).size).toBe(100);
  });

  it('R21: tokens are stored as SHA-256 hashes', () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toHaveLength(32);
    expect(hash.equals(hashToken(token))).toBe(true);
    expect(hash.equals(hashToken(generateToken()))).toBe(false);
    expect(hash.toString('base64url')).not.toBe(token);
  });

  it('refuses strings that cannot be tokens', () => {
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken('a'.repeat(42))).toBe(false);
    expect(isWellFormedToken('a'.repeat(42) + '/')).toBe(false);
  });

  it('R17: ids match the board id pattern', () => {
    expect(generateId()).toMatch(BOARD_ID_PATTERN);
  });
});
