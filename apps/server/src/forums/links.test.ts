import { describe, expect, it } from 'vitest';
import { linksKey, openToken, sealToken } from './links.ts';
import { generateToken } from './tokens.ts';

describe('sealed links', () => {
  it('L1: a token sealed under the facilitator key opens only with that key, board and role', () => {
    const facilitator = generateToken();
    const key = linksKey(facilitator, 'forum-1');
    const token = generateToken();
    const sealed = sealToken(key, 'board-1', 'edit', token);
    expect(sealed.includes(Buffer.from(token))).toBe(false);
    expect(openToken(key, 'board-1', 'edit', sealed)).toBe(token);
    expect(openToken(linksKey(generateToken(), 'forum-1'), 'board-1', 'edit', sealed)).toBeNull();
    expect(openToken(linksKey(facilitator, 'forum-2'), 'board-1', 'edit', sealed)).toBeNull();
    expect(openToken(key, 'board-1', 'view', sealed)).toBeNull();
    expect(openToken(key, 'board-2', 'edit', sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(openToken(key, 'board-1', 'edit', tampered)).toBeNull();
    // A fresh IV each time: sealing twice gives different boxes.
    expect(sealToken(key, 'board-1', 'edit', token).equals(sealed)).toBe(false);
  });
});
